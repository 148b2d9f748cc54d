package org.rapport.integration.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.file.remote.SftpEndpoint;

/**
 * Drops a file and its checksum into a folder on an SFTP server (Camel's sftp producer): first the
 * file, then {@code <name>.sha256} in {@code sha256sum} format, so whoever watches for the checksum
 * finds the file whole and can check it ({@code sha256sum -c}). Each is written under a hidden name
 * and renamed when complete; an existing file of that name is replaced. One attempt per call: the
 * caller decides whether and when to try again. Thread-safe.
 */
public final class SftpUpload {

    static final String UNFINISHED_PREFIX = ".uploading-";

    private final CamelContext camel;
    private final CredentialResolver credentials;

    /** @param camel a started Camel context, whose sftp component does the work */
    public SftpUpload(CamelContext camel, CredentialResolver credentials) {
        this.camel = camel;
        this.credentials = credentials;
    }

    /**
     * Uploads {@code file} and its {@code .sha256} into the target's folder.
     *
     * @throws IllegalStateException when the target's credential is not configured
     * @throws IOException           when the file cannot be read or the server cannot be reached, refuses the
     *                               login or the write; the message names the target, never the secret
     */
    public void upload(SftpDropTarget target, Path file) throws IOException {
        String secret = credentials.find(target.credential()).filter(value -> !value.isEmpty())
                .orElseThrow(() -> new IllegalStateException("Uploads to " + target.describe() + " need the credential '"
                        + target.credential() + "', which is not configured: " + credentials.howToProvide(target.credential())));
        String name = file.getFileName().toString();
        String checksum = sha256(file) + "  " + name + "\n";
        // an endpoint of its own, not kept in the context: the secret lives only as long as the upload
        SftpEndpoint endpoint = endpoint(target);
        new SftpLogin(secret, target.knownHosts(), target.hostKeyChecking(), target.timeout())
                .applyTo(endpoint.getConfiguration());
        endpoint.start();
        try (ProducerTemplate producer = camel.createProducerTemplate()) {
            send(producer, endpoint, target, name, file.toFile());
            send(producer, endpoint, target, name + ".sha256", checksum);
        } finally {
            endpoint.stop();
        }
    }

    private SftpEndpoint endpoint(SftpDropTarget target) throws IOException {
        String uri = SftpLogin.folderUri(target.host(), target.port(), target.directory())
                + "?username=" + URLEncoder.encode(target.username(), StandardCharsets.UTF_8)
                + "&tempPrefix=" + UNFINISHED_PREFIX + "&fileExist=Override&maximumReconnectAttempts=0";
        try {
            return (SftpEndpoint) camel.getComponent("sftp").createEndpoint(uri);
        } catch (Exception e) {
            throw new IOException("Cannot set up uploads to " + target.describe() + ": " + e.getMessage(), e);
        }
    }

    private static void send(ProducerTemplate producer, SftpEndpoint endpoint, SftpDropTarget target, String name,
            Object content) throws IOException {
        Exchange sent = producer.send(endpoint, exchange -> {
            exchange.getIn().setHeader(Exchange.FILE_NAME, name);
            exchange.getIn().setBody(content);
        });
        if (sent.getException() != null) {
            throw new IOException("Could not upload " + name + " to " + target.describe() + ": "
                    + Faults.describe(sent.getException()), sent.getException());
        }
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream content = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            content.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(content.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
