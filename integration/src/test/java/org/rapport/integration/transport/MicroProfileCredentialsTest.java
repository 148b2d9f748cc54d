package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.support.TestSources;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Credentials from MicroProfile Config, as WildFly's implementation (SmallRye Config) reads them. */
class MicroProfileCredentialsTest {

    private static final SourceDefinition PBX = TestSources.definition("""
            {"name": "pbx-cdr", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC",
             "transport": {"type": "sftp", "host": "pbx.example", "username": "rapport", "credential": "pbx-sftp"}}
            """);

    @Test
    void aCredentialIsThePropertyOfItsName() throws DefinitionException {
        CredentialResolver credentials = new MicroProfileCredentials(config(
                Map.of("rapport.credential.pbx-sftp", "from-a-property"), Map.of()));

        assertThat(credentials.require(PBX, "pbx-sftp")).isEqualTo("from-a-property");
    }

    @Test
    void aCredentialCanComeFromTheEnvironment() throws DefinitionException {
        CredentialResolver credentials = new MicroProfileCredentials(config(
                Map.of(), Map.of("RAPPORT_CREDENTIAL_PBX_SFTP", "from-the-environment")));

        assertThat(credentials.require(PBX, "pbx-sftp")).isEqualTo("from-the-environment");
    }

    @Test
    void aMissingOrEmptyCredentialIsNamedWithTheSourceAndWhereToSetIt() {
        CredentialResolver credentials = new MicroProfileCredentials(config(
                Map.of("rapport.credential.empty", ""), Map.of()));

        DefinitionException missing = catchThrowableOfType(DefinitionException.class,
                () -> credentials.require(PBX, "pbx-sftp"));
        DefinitionException empty = catchThrowableOfType(DefinitionException.class,
                () -> credentials.require(PBX, "empty"));

        assertThat(missing.field()).isEqualTo("transport.credential");
        assertThat(missing).hasMessage("source 'pbx-cdr' needs the credential 'pbx-sftp', which is not configured: "
                + "set the property rapport.credential.pbx-sftp or the environment variable RAPPORT_CREDENTIAL_PBX_SFTP");
        assertThat(empty).hasMessageStartingWith("source 'pbx-cdr' needs the credential 'empty'");
    }

    private static Config config(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }
}
