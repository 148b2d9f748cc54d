package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rapport.integration.transport.TransportFixtures.filesIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dropping a published board pack into a folder of a real SFTP server. */
class SftpUploadTest {

    private static final String PACK = "rapport-board-pack-2026-10-run-7.pdf";

    @TempDir
    Path temp;
    SftpServer server;
    DefaultCamelContext camel;
    Path pack;
    Path knownHosts;

    @BeforeEach
    void start() throws IOException {
        server = SftpServer.start(Files.createDirectories(temp.resolve("remote")), temp);
        knownHosts = server.knownHosts(temp.resolve("known_hosts"));
        camel = new DefaultCamelContext();
        camel.start();
        byte[] pdf = new byte[300_000];
        new Random(7).nextBytes(pdf);
        pack = Files.write(temp.resolve(PACK), pdf);
    }

    @AfterEach
    void stop() throws IOException {
        camel.stop();
        server.close();
    }

    @Test
    void thePackAndThenItsChecksumAreDroppedWholeIntoTheFolderWhichIsCreatedWhenMissing() throws Exception {
        upload("correct-horse-battery-staple").upload(target("packs/board"), pack);

        Path folder = server.root().resolve("packs/board");
        assertThat(filesIn(folder)).containsExactly(PACK, PACK + ".sha256");
        assertThat(Files.readAllBytes(folder.resolve(PACK))).isEqualTo(Files.readAllBytes(pack));
        assertThat(folder.resolve(PACK + ".sha256")).hasContent(sha256(pack) + "  " + PACK + "\n");
        assertThat(server.writes(SftpUpload.UNFINISHED_PREFIX + PACK)).as("written under a hidden name").isEqualTo(1);
        assertThat(server.writes(PACK)).as("never written under its own name").isZero();
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries).noneMatch(entry -> entry.getFileName().toString().startsWith("."));
        }
    }

    @Test
    void aPackUploadedAgainReplacesTheEarlierOne() throws Exception {
        SftpUpload upload = upload("correct-horse-battery-staple");
        upload.upload(target("/packs"), pack);
        Files.write(pack, new byte[] {1, 2, 3});

        upload.upload(target("/packs"), pack);

        assertThat(Files.readAllBytes(server.root().resolve("packs").resolve(PACK))).containsExactly(1, 2, 3);
        assertThat(server.root().resolve("packs").resolve(PACK + ".sha256")).hasContent(sha256(pack) + "  " + PACK + "\n");
    }

    @Test
    void aRefusedLoginIsAnIOExceptionNamingTheTargetButNotTheSecret() {
        IOException refused = catchThrowableOfType(IOException.class,
                () -> upload("not-the-password").upload(target("packs"), pack));

        assertThat(refused).hasMessageStartingWith("Could not upload " + PACK + " to sftp://rapport@127.0.0.1:"
                + server.port() + "/packs: ").hasMessageContainingAll("Auth").hasMessageNotContaining("not-the-password");
        assertThat(server.passwordsTried()).isEqualTo(1);
        assertThat(server.root().resolve("packs")).doesNotExist();
    }

    @Test
    void aServerWhoseKeyIsNotTheKnownOneGetsNeitherPasswordNorPack() throws Exception {
        server.knownHostsWithAnotherKey(knownHosts, KeyPairGenerator.getInstance("RSA").generateKeyPair());

        IOException refused = catchThrowableOfType(IOException.class,
                () -> upload("correct-horse-battery-staple").upload(target("packs"), pack));

        assertThat(refused).hasMessageContaining("HostKey");
        assertThat(server.passwordsTried()).isZero();
    }

    @Test
    void aCredentialThatIsNotConfiguredIsNamed() {
        SftpUpload upload = new SftpUpload(camel, CredentialResolver.of(Map.of()));

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> upload.upload(target("packs"), pack)))
                .hasMessage("Uploads to sftp://rapport@127.0.0.1:" + server.port() + "/packs need the credential "
                        + "'pack-drop', which is not configured: configure the credential 'pack-drop'");
    }

    private SftpUpload upload(String password) {
        return new SftpUpload(camel, CredentialResolver.of(Map.of("pack-drop", password)));
    }

    private SftpDropTarget target(String directory) {
        return new SftpDropTarget("127.0.0.1", server.port(), SftpServer.USER, "pack-drop", directory, knownHosts);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
