package org.rapport.integration.transport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import com.jcraft.jsch.JSch;

import org.apache.camel.component.file.remote.SftpConfiguration;
import org.rapport.integration.source.Transport.HostKeyChecking;

/**
 * How Rapport logs in to an SFTP server: with the credential's secret, which is a password or, when
 * it is a PEM key ({@code -----BEGIN …}), an unencrypted private key; and checking that
 * the server is the one in known_hosts. Set on the endpoint's configuration, never written into an
 * endpoint URI, so the secret cannot show up where URIs are logged.
 */
final class SftpLogin {

    private static final String KEY_START = "-----BEGIN";

    static {
        // JSch offers the same wrong password again up to MaxAuthTries (6) times per connection; a
        // server that locks an account after a few failures would lock it in one fetch. One try per
        // connection: the route's retries, with back-off, are the only repetition. Camel sets its JSch
        // options the same way, for this deployment's copy of JSch.
        JSch.setConfig("MaxAuthTries", "1");
    }

    private final String secret;
    private final Path knownHosts;
    private final HostKeyChecking hostKeyChecking;
    private final Duration timeout;

    /**
     * @param knownHosts the known_hosts file, or null for the user's {@code ~/.ssh/known_hosts}
     */
    SftpLogin(String secret, Path knownHosts, HostKeyChecking hostKeyChecking, Duration timeout) {
        this.secret = secret;
        this.knownHosts = knownHosts;
        this.hostKeyChecking = hostKeyChecking;
        this.timeout = timeout;
    }

    /** The endpoint URI of a remote folder: an absolute path keeps its leading slash after the host's. */
    static String folderUri(String host, int port, String directory) {
        return "sftp://" + host + ":" + port + "/" + (".".equals(directory) ? "" : directory);
    }

    void applyTo(SftpConfiguration configuration) {
        if (secret.stripLeading().startsWith(KEY_START)) {
            configuration.setPrivateKey(secret.strip().getBytes(StandardCharsets.US_ASCII));
            configuration.setPreferredAuthentications("publickey");
        } else {
            configuration.setPassword(secret);
            configuration.setPreferredAuthentications("password,keyboard-interactive");
        }
        if (hostKeyChecking == HostKeyChecking.OFF) {
            configuration.setStrictHostKeyChecking("no");
            configuration.setUseUserKnownHostsFile(false);
        } else {
            configuration.setStrictHostKeyChecking("yes");
            configuration.setUseUserKnownHostsFile(knownHosts == null);
            if (knownHosts != null) {
                configuration.setKnownHostsFile(knownHosts.toString());
            }
        }
        int millis = Math.toIntExact(timeout.toMillis());
        configuration.setConnectTimeout(millis);
        configuration.setSoTimeout(millis);
        // one attempt per poll: retrying is the route's error handler's job, with back-off
        configuration.setThrowExceptionOnConnectFailed(true);
        configuration.setStreamDownload(true);
    }
}
