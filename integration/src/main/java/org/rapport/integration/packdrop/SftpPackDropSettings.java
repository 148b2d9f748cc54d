package org.rapport.integration.packdrop;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.rapport.integration.source.Transport.HostKeyChecking;
import org.rapport.integration.transport.SftpDropTarget;

/**
 * The installation's SFTP folder for board packs, from MicroProfile Config:
 * {@code rapport.distribution.sftp.host} (unset: no SFTP drop), {@code .port} (22), {@code .user}
 * ({@code rapport}), {@code .credential} (the name of the secret, {@code pack-drop}: the property
 * {@code rapport.credential.pack-drop}), {@code .directory} (the login folder), {@code .known-hosts}
 * (the Rapport user's {@code ~/.ssh/known_hosts}) and {@code .timeout-seconds} (30). The server's key
 * is always checked against known_hosts.
 */
public final class SftpPackDropSettings {

    static final String PREFIX = "rapport.distribution.sftp.";

    private SftpPackDropSettings() {
    }

    /**
     * The configured target, or empty when no host is set.
     *
     * @param property a configuration lookup, e.g. {@code name -> config.getOptionalValue(name, String.class)}
     * @throws IllegalArgumentException naming the property when a value is not valid
     */
    public static Optional<SftpDropTarget> fromConfig(Function<String, Optional<String>> property) {
        Function<String, Optional<String>> set = name -> property.apply(PREFIX + name).map(String::strip)
                .filter(value -> !value.isEmpty());
        Optional<String> host = set.apply("host");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port = set.apply("port").map(value -> number("port", value, 1, 65_535)).orElse(22);
        long timeout = set.apply("timeout-seconds").map(value -> number("timeout-seconds", value, 1, 3_600))
                .orElse(30);
        return Optional.of(new SftpDropTarget(host.get(), port, set.apply("user").orElse("rapport"),
                set.apply("credential").orElse("pack-drop"), set.apply("directory").orElse("."),
                set.apply("known-hosts").map(SftpPackDropSettings::path).orElse(null),
                HostKeyChecking.STRICT, Duration.ofSeconds(timeout)));
    }

    private static int number(String name, String value, int least, int most) {
        try {
            int number = Integer.parseInt(value);
            if (number >= least && number <= most) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(PREFIX + name + " must be a whole number from " + least + " to " + most
                + ", not '" + value + "'");
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(PREFIX + "known-hosts is not a valid path: '" + value + "'", e);
        }
    }
}
