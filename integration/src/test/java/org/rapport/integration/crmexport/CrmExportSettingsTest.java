package org.rapport.integration.crmexport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rapport.integration.rulesinbox.RulesInboxSettings;

/** The CRM export's and the rules inbox's settings as an installation configures them. */
class CrmExportSettingsTest {

    private static final Path DATA = Path.of("/var/lib/rapport");

    @Test
    void unconfiguredTheActionsGoToAnOutboxUnderTheDataFolderOnlyAndTheInboxNeverActivates() {
        CrmExportSettings crm = CrmExportSettings.fromConfig(DATA, name -> Optional.empty());
        RulesInboxSettings inbox = RulesInboxSettings.fromConfig(DATA, name -> Optional.empty());

        assertThat(crm.outbox()).isEqualTo(DATA.resolve("crm-outbox"));
        assertThat(crm.endpoint()).isEmpty();
        assertThat(crm.maximumRedeliveries()).isEqualTo(5);
        assertThat(inbox.inbox()).isEqualTo(DATA.resolve("rules-inbox"));
        assertThat(inbox.activateWhenValid()).isFalse();
    }

    @Test
    void configuredSettingsAreRead() {
        Map<String, String> config = Map.of("rapport.crm.outbox", "/mnt/crm/in", "rapport.crm.url",
                " https://crm.example/api/actions ", "rapport.crm.max-retries", "2", "rapport.crm.retry-seconds", "30",
                "rapport.rules-inbox.activate-when-valid", "true");

        CrmExportSettings crm = CrmExportSettings.fromConfig(DATA, name -> Optional.ofNullable(config.get(name)));

        assertThat(crm.outbox()).isEqualTo(Path.of("/mnt/crm/in"));
        assertThat(crm.endpoint()).contains(URI.create("https://crm.example/api/actions"));
        assertThat(crm.maximumRedeliveries()).isEqualTo(2);
        assertThat(crm.redeliveryDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(RulesInboxSettings.fromConfig(DATA, name -> Optional.ofNullable(config.get(name)))
                .activateWhenValid()).isTrue();
        assertThatThrownBy(() -> CrmExportSettings.fromConfig(DATA, name -> name.equals("rapport.crm.url")
                ? Optional.of("ftp://crm.example/") : Optional.empty())).hasMessageContaining("http or https");
    }

    @Test
    void anOutboxCamelWouldReadOptionsOrExpressionsFromIsRefusedNamingTheSetting() {
        for (String outbox : java.util.List.of("/mnt/crm/in?fileExist=Append", "/mnt/crm/{{env:HOME}}",
                "/mnt/crm/${date:now}")) {
            assertThatThrownBy(() -> CrmExportSettings.fromConfig(DATA, name -> name.equals("rapport.crm.outbox")
                    ? Optional.of(outbox) : Optional.empty())).as(outbox)
                    .hasMessageContaining("rapport.crm.outbox").hasMessageContaining("letters, digits, spaces");
        }
    }

    @Test
    void aCrmUrlWithCredentialsOrAQueryIsRefusedWithoutRepeatingThem() {
        for (String url : java.util.List.of("https://robot:s3cret@crm.example/api/actions",
                "https://crm.example/api/actions?api-key=s3cret", "https://crm.example/api/actions?throwExceptionOnFailure=false",
                "https://crm.example/api/actions#s3cret")) {
            assertThatThrownBy(() -> CrmExportSettings.fromConfig(DATA, name -> name.equals("rapport.crm.url")
                    ? Optional.of(url) : Optional.empty())).as(url)
                    .hasMessageContaining("rapport.crm.url").hasMessageContaining("no user, password, query or fragment")
                    .hasMessageNotContaining("s3cret").hasMessageNotContaining("throwExceptionOnFailure");
        }
    }
}
