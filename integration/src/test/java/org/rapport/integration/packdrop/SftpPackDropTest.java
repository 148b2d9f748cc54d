package org.rapport.integration.packdrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.rapport.engine.publish.DeliveryChannel;
import org.rapport.integration.transport.SftpDropTarget;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The SFTP drop's settings, read as WildFly's MicroProfile Config (SmallRye Config) reads them. */
class SftpPackDropTest {

    @Test
    void withoutAHostThereIsNoSftpDrop() {
        assertThat(new SftpPackDrop(config(Map.of("rapport.distribution.sftp.user", "rapport"), Map.of())).configured())
                .isFalse();
        assertThat(new SftpPackDrop(config(Map.of("rapport.distribution.sftp.host", " "), Map.of())).configured())
                .isFalse();
    }

    @Test
    void aHostAloneIsEnoughTheRestHasDefaults() {
        Map<String, String> properties = Map.of("rapport.distribution.sftp.host", "docs.example");

        SftpDropTarget target = SftpPackDropSettings.fromConfig(name -> Optional.ofNullable(properties.get(name)))
                .orElseThrow();

        assertThat(target).isEqualTo(new SftpDropTarget("docs.example", 22, "rapport", "pack-drop", ".", null));
        assertThat(target.describe()).isEqualTo("sftp://rapport@docs.example:22/");
    }

    @Test
    void everySettingCanComeFromTheEnvironment() {
        SftpPackDrop drop = new SftpPackDrop(config(Map.of(), Map.of(
                "RAPPORT_DISTRIBUTION_SFTP_HOST", "docs.example",
                "RAPPORT_DISTRIBUTION_SFTP_PORT", "2222",
                "RAPPORT_DISTRIBUTION_SFTP_USER", "board",
                "RAPPORT_DISTRIBUTION_SFTP_CREDENTIAL", "docs-sftp",
                "RAPPORT_DISTRIBUTION_SFTP_DIRECTORY", "/incoming/board-packs",
                "RAPPORT_DISTRIBUTION_SFTP_KNOWN_HOSTS", "/etc/rapport/known_hosts",
                "RAPPORT_DISTRIBUTION_SFTP_TIMEOUT_SECONDS", "10")));

        assertThat(drop.configured()).isTrue();
        assertThat(drop.channel()).isEqualTo(DeliveryChannel.SFTP);
        assertThat(drop.target()).isEqualTo("sftp://board@docs.example:2222//incoming/board-packs");
    }

    @Test
    void settingsThatAreNotValidStillMakeATargetWhoseEveryDropFailsSayingWhy() {
        SftpPackDrop drop = new SftpPackDrop(config(Map.of("rapport.distribution.sftp.host", "docs.example",
                "rapport.distribution.sftp.port", "twenty-two", "rapport.credential.pack-drop", "s3cret"), Map.of()));

        assertThat(drop.configured()).as("recorded and reported, not silently left out").isTrue();
        assertThat(drop.target()).isEqualTo("sftp://docs.example");
        assertThat(catchThrowableOfType(IOException.class, () -> drop.drop(Path.of("pack.pdf"))))
                .hasMessage("Cannot drop packs on sftp://docs.example: rapport.distribution.sftp.port must be a "
                        + "whole number from 1 to 65535, not 'twenty-two'");
    }

    private static Config config(Map<String, String> properties, Map<String, String> environment) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }
}
