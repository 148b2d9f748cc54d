package org.rapport.integration.packdrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.publish.DeliveryChannel;
import org.rapport.engine.publish.DeliveryStatus;
import org.rapport.engine.publish.Distribution;
import org.rapport.engine.publish.DistributionList;
import org.rapport.engine.publish.DistributionSettings;
import org.rapport.engine.publish.FolderDrop;
import org.rapport.engine.publish.PackDelivery;
import org.rapport.engine.publish.PackDropTarget;
import org.rapport.engine.publish.PackMailer;
import org.rapport.engine.run.PackFiles;
import org.rapport.integration.support.RecordedLog;
import org.rapport.integration.transport.SftpServer;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The engine's real distribution, on its real store (H2 and PostgreSQL), dropping published packs
 * through {@link SftpPackDrop}, configured as an installation configures it, into a real SFTP server,
 * while e-mails go to a real SMTP server and a copy to a folder.
 */
class SftpPackDistributionTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final int MAXIMUM_ATTEMPTS = 3;
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path temp;
    SftpServer server;
    Path knownHosts;
    SftpPackDrop sftp;
    PackStore store;
    byte[] pdf;
    final RecordedLog log = new RecordedLog("org.rapport");

    @BeforeEach
    void start() throws IOException {
        server = SftpServer.start(Files.createDirectories(temp.resolve("remote")), temp);
        knownHosts = server.knownHosts(temp.resolve("known_hosts"));
        pdf = new byte[200_000];
        new Random(10).nextBytes(pdf);
    }

    @AfterEach
    void stop() throws IOException {
        log.close();
        if (sftp != null) {
            sftp.close();
        }
        server.close();
        if (store != null) {
            store.clean();
        }
    }

    @ParameterizedTest
    @EnumSource(PackStore.class)
    void thePackArrivesWithItsChecksumAndIsRecordedAsAnSftpDeliveryBesideTheMailAndTheFolder(PackStore database)
            throws Exception {
        long runId = publishedWithOneRecipient(database);
        sftp = sftpDrop(SftpServer.PASSWORD);

        database.write(entityManager -> distribution(entityManager).distribute(runId));

        String fileName = PackFiles.fileName(OCTOBER, runId);
        Path remote = server.root().resolve("board/packs");
        assertThat(filesIn(remote)).containsExactly(fileName, fileName + ".sha256");
        assertThat(remote.resolve(fileName)).hasBinaryContent(pdf);
        assertThat(remote.resolve(fileName + ".sha256")).hasContent(PackFiles.sha256(pdf) + "  " + fileName + "\n");
        assertThat(sftpDelivery(database, runId)).satisfies(delivery -> {
            assertThat(delivery.getTarget()).isEqualTo("sftp://rapport@127.0.0.1:" + server.port() + "/board/packs");
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.getAttempts()).isEqualTo(1);
            assertThat(delivery.getDeliveredAt()).isNotNull();
        });
        assertThat(deliveries(database, runId)).extracting(PackDelivery::getChannel, PackDelivery::getStatus)
                .containsExactly(tuple(DeliveryChannel.EMAIL, DeliveryStatus.SENT),
                        tuple(DeliveryChannel.FOLDER, DeliveryStatus.SENT),
                        tuple(DeliveryChannel.SFTP, DeliveryStatus.SENT));
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(temp.resolve("share").resolve(fileName)).hasBinaryContent(pdf);
    }

    @ParameterizedTest
    @EnumSource(PackStore.class)
    void aServerThatIsDownLeavesTheDropPendingWhileTheMailGoesThenARetryDeliversItWhenTheServerIsBack(
            PackStore database) throws Exception {
        long runId = publishedWithOneRecipient(database);
        sftp = sftpDrop(SftpServer.PASSWORD);
        int port = server.port();
        server.close();

        long pending = database.read(entityManager -> {
            Distribution distribution = distribution(entityManager);
            distribution.distribute(runId);
            return distribution.retryPending(runId);
        });

        assertThat(pending).isOne();
        assertThat(SMTP.getReceivedMessages()).as("the mail is not held up by the SFTP server").hasSize(1);
        assertThat(sftpDelivery(database, runId)).satisfies(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.getAttempts()).isEqualTo(2);
            assertThat(delivery.getLastError()).startsWith("Could not upload " + PackFiles.fileName(OCTOBER, runId)
                    + " to sftp://rapport@127.0.0.1:" + port + "/board/packs: ");
        });

        server = SftpServer.start(server.root(), temp, port);
        long stillPending = database.read(entityManager -> distribution(entityManager).retryPending(runId));

        assertThat(stillPending).isZero();
        assertThat(sftpDelivery(database, runId)).satisfies(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.getAttempts()).isEqualTo(3);
            assertThat(delivery.getLastError()).isNull();
        });
        assertThat(server.root().resolve("board/packs").resolve(PackFiles.fileName(OCTOBER, runId)))
                .hasBinaryContent(pdf);
        assertThat(SMTP.getReceivedMessages()).as("nobody mailed twice").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(PackStore.class)
    void aWrongCredentialIsReportedFailedAfterTheLastAttemptNamingTheTargetNeverTheSecret(PackStore database)
            throws Exception {
        long runId = publishedWithOneRecipient(database);
        sftp = sftpDrop("not-the-password");

        database.write(entityManager -> distribution(entityManager).distribute(runId));
        for (int retry = 1; retry < MAXIMUM_ATTEMPTS; retry++) {
            database.write(entityManager -> distribution(entityManager).retryPending(runId));
        }
        long stillPending = database.read(entityManager -> distribution(entityManager).retryPending(runId));

        assertThat(stillPending).isZero();
        assertThat(sftpDelivery(database, runId)).satisfies(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(delivery.getAttempts()).isEqualTo(MAXIMUM_ATTEMPTS);
            assertThat(delivery.getLastError()).contains("sftp://rapport@127.0.0.1:" + server.port() + "/board/packs")
                    .contains("Auth").doesNotContain("not-the-password");
            assertThat(delivery.getDeliveredAt()).isNull();
        });
        assertThat(server.passwordsTried()).as("one login per attempt").isEqualTo(MAXIMUM_ATTEMPTS);
        assertThat(filesIn(server.root().resolve("board/packs"))).isEmpty();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(log.messagesWithExceptions()).anySatisfy(message -> assertThat(message)
                .contains("not dropped on sftp://rapport@127.0.0.1:" + server.port() + "/board/packs")
                .contains("given up"));
        assertThat(log.messagesWithExceptions()).noneMatch(message -> message.contains("not-the-password"));
    }

    @ParameterizedTest
    @EnumSource(PackStore.class)
    void aCredentialThatIsNotConfiguredIsNamedInTheRecordWithWhereToSetIt(PackStore database) {
        long runId = publishedWithOneRecipient(database);
        sftp = new SftpPackDrop(config(sftpSettings()));

        database.write(entityManager -> distribution(entityManager).distribute(runId));

        assertThat(sftpDelivery(database, runId)).satisfies(delivery -> {
            assertThat(delivery.getStatus()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.getLastError()).isEqualTo("Uploads to sftp://rapport@127.0.0.1:" + server.port()
                    + "/board/packs need the credential 'pack-drop', which is not configured: set the property "
                    + "rapport.credential.pack-drop or the environment variable RAPPORT_CREDENTIAL_PACK_DROP");
        });
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    private long publishedWithOneRecipient(PackStore database) {
        store = database;
        long runId = database.renderedPack(OCTOBER, pdf);
        database.write(entityManager -> new DistributionList(entityManager, Clock.systemUTC())
                .add("cco@rapport.test", "admin"));
        return runId;
    }

    /** The SFTP drop as an installation configures it, the secret given as {@code rapport.credential.pack-drop}. */
    private SftpPackDrop sftpDrop(String password) {
        Map<String, String> properties = sftpSettings();
        properties.put("rapport.credential.pack-drop", password);
        return new SftpPackDrop(config(properties));
    }

    private Map<String, String> sftpSettings() {
        Map<String, String> properties = new HashMap<>();
        properties.put("rapport.distribution.sftp.host", "127.0.0.1");
        properties.put("rapport.distribution.sftp.port", Integer.toString(server.port()));
        properties.put("rapport.distribution.sftp.user", SftpServer.USER);
        properties.put("rapport.distribution.sftp.directory", "board/packs");
        properties.put("rapport.distribution.sftp.known-hosts", knownHosts.toString());
        properties.put("rapport.distribution.sftp.timeout-seconds", "5");
        return properties;
    }

    private Distribution distribution(EntityManager entityManager) {
        DistributionSettings settings = new DistributionSettings(true, "http://localhost:8080/rapport/",
                "rapport@rapport.test", MAXIMUM_ATTEMPTS);
        List<PackDropTarget> drops = List.of(new FolderDrop(temp.resolve("share")), sftp);
        return new Distribution(entityManager, new PackMailer(smtpSession(), settings.from()), settings, drops,
                Clock.systemUTC());
    }

    private static List<PackDelivery> deliveries(PackStore database, long runId) {
        return database.read(entityManager ->
                new Distribution(entityManager, null, null, List.of(), Clock.systemUTC()).deliveries(runId));
    }

    private static PackDelivery sftpDelivery(PackStore database, long runId) {
        return deliveries(database, runId).stream().filter(delivery -> delivery.getChannel() == DeliveryChannel.SFTP)
                .findFirst().orElseThrow();
    }

    /** The visible files of a remote folder: no half-written ones, which are hidden until renamed. */
    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .sorted().toList();
        }
    }

    private static Config config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100)).build();
    }

    private static Session smtpSession() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(SMTP.getSmtp().getPort()));
        return Session.getInstance(properties);
    }
}
