package org.rapport.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PresetUsersTest {

    private static PresetUsers read(Map<String, String> configuration) {
        return PresetUsers.read(configuration.keySet(), name -> Optional.ofNullable(configuration.get(name)));
    }

    @Test
    void systemPropertiesPresetAUserWithItsRoles() {
        PresetUsers presets = read(Map.of(
                "rapport.users.ops-bot.password", "s3cret",
                "rapport.users.ops-bot.roles", "integration, admin"));

        assertThat(presets.users()).singleElement().satisfies(user -> {
            assertThat(user.name()).isEqualTo("ops-bot");
            assertThat(user.password()).containsExactly("s3cret".toCharArray());
            assertThat(user.roles()).containsExactlyInAnyOrder("integration", "admin");
        });
        assertThat(presets.problems()).isEmpty();
    }

    @Test
    void environmentVariablesPresetAUserNamedInLowerCase() {
        PresetUsers presets = read(Map.of(
                "RAPPORT_USERS_CCO_PASSWORD", "pw",
                "RAPPORT_USERS_CCO_ROLES", "board"));

        assertThat(presets.users()).singleElement().satisfies(user -> {
            assertThat(user.name()).isEqualTo("cco");
            assertThat(user.roles()).containsExactly("board");
        });
    }

    @Test
    void aRoleThatIsNotOneIsNamedAndLeftOutWithoutShowingThePassword() {
        PresetUsers presets = read(Map.of(
                "rapport.users.eve.password", "hunter2",
                "rapport.users.eve.roles", "board,root"));

        assertThat(presets.users()).singleElement().satisfies(user -> assertThat(user.roles()).containsExactly("board"));
        assertThat(presets.problems()).singleElement().asString()
                .contains("rapport.users.eve.roles").contains("\"root\"").doesNotContain("hunter2");
    }

    @Test
    void rolesWithoutAPasswordOrAnEmptyPasswordSetUpNobody() {
        PresetUsers presets = read(Map.of(
                "rapport.users.ghost.roles", "admin",
                "rapport.users.blank.password", ""));

        assertThat(presets.users()).isEmpty();
        assertThat(presets.problems()).hasSize(2);
    }

    @Test
    void aUserWithoutRolesIsStillAUserWhoMayDoNothing() {
        PresetUsers presets = read(Map.of("rapport.users.viewer.password", "pw"));

        assertThat(presets.users()).singleElement().satisfies(user -> assertThat(user.roles()).isEmpty());
    }

    @Test
    void otherSettingsAreNotUsers() {
        assertThat(read(Map.of("rapport.users.built-in", "false", "rapport.users.max-failed-sign-ins", "5",
                "rapport.data.dir", "/tmp")).users()).isEmpty();
    }
}
