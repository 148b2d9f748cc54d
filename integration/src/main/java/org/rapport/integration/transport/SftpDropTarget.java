package org.rapport.integration.transport;

import java.nio.file.Path;
import java.time.Duration;

import org.rapport.integration.source.Transport.HostKeyChecking;

/**
 * A folder on an SFTP server that published files are dropped into, e.g. the board pack for a
 * document store that collects it from there.
 *
 * @param credential      the name of the secret: a password or an unencrypted private key (PEM)
 * @param directory       the remote folder, absolute ({@code /packs}) or from the login folder; created when missing
 * @param knownHosts      the known_hosts file holding the server's key, or null for the user's
 *                        {@code ~/.ssh/known_hosts}
 * @param hostKeyChecking whether the server must prove it is the one in known_hosts
 * @param timeout         how long connecting, and each read, may take
 */
public record SftpDropTarget(String host, int port, String username, String credential, String directory,
        Path knownHosts, HostKeyChecking hostKeyChecking, Duration timeout) {

    /** A target whose key is checked strictly against {@code knownHosts}, waiting 30 s at most. */
    public SftpDropTarget(String host, int port, String username, String credential, String directory,
            Path knownHosts) {
        this(host, port, username, credential, directory, knownHosts, HostKeyChecking.STRICT, Duration.ofSeconds(30));
    }

    /** Where files go, as a message may show it: never with a credential. */
    public String describe() {
        return SftpLogin.folderUri(username + "@" + host, port, directory);
    }
}
