package org.rapport.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TokenRolesTest {

    @Test
    void rolesAreReadFromATopLevelClaim() {
        assertThat(TokenVerifier.roles(Map.of("groups", List.of("board", "admin")), "groups"))
                .containsExactly("board", "admin");
    }

    @Test
    void rolesAreReadFromANestedClaimAsKeycloakPutsThem() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("offline_access", "strategy")));

        assertThat(TokenVerifier.roles(claims, "realm_access.roles")).containsExactly("strategy");
    }

    @Test
    void aSpaceOrCommaSeparatedClaimIsReadToo() {
        assertThat(TokenVerifier.roles(Map.of("scope", "openid board integration"), "scope"))
                .containsExactly("board", "integration");
    }

    @Test
    void noClaimOrAnotherShapeGivesNoRole() {
        assertThat(TokenVerifier.roles(Map.of(), "groups")).isEmpty();
        assertThat(TokenVerifier.roles(Map.of("groups", 42), "groups")).isEmpty();
        assertThat(TokenVerifier.roles(Map.of("realm_access", "admin"), "realm_access.roles")).isEmpty();
    }
}
