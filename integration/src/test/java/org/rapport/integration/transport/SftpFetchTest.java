package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rapport.integration.transport.TransportFixtures.filesIn;
import static org.rapport.integration.transport.TransportFixtures.onlyNote;
import static org.rapport.integration.transport.TransportFixtures.quickSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.support.RecordedLog;
import org.rapport.integration.support.TestSources;

/** The SFTP transport against a real SFTP server: what it fetches, how often, and how it gives up. */
class SftpFetchTest {

    private static final String CALLS = "call_id,customer_id,started_at\nK-1,C-001,2026-10-01T08:15:00\n";
    private static final Duration SETTLED = Duration.ofMinutes(10);

    @TempDir
    Path temp;
    Path landing;
    SftpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = SftpServer.start(Files.createDirectories(temp.resolve("remote")), temp);
        landing = temp.resolve("intake/pbx-cdr");
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @Test
    void eachMatchingFileLandsCompleteUnderItsOwnNameAndTheRemoteFolderIsLeftAsItWas() throws Exception {
        server.put("cdr/Master-01.csv", CALLS, SETTLED);
        server.put("cdr/Master-02.csv", CALLS + "K-2,C-002,2026-10-01T09:00:00\n", SETTLED);
        server.put("cdr/notes.txt", "not a CDR", SETTLED);
        server.put("cdr/archive/Master-00.csv", CALLS, SETTLED);

        try (Fetching fetching = Fetching.start(routes(passwordSource()))) {
            fetching.awaitFirstFetch();

            assertThat(filesIn(landing)).containsExactlyInAnyOrder("Master-01.csv", "Master-02.csv");
            assertThat(landing.resolve("Master-02.csv")).hasContent(CALLS + "K-2,C-002,2026-10-01T09:00:00\n");
            assertThat(filesIn(server.root().resolve("cdr"))).containsExactlyInAnyOrder("Master-01.csv",
                    "Master-02.csv", "notes.txt");
            assertThat(fetching.status().filesLanded()).isEqualTo(2);
            assertThat(fetching.status().healthy()).isTrue();
            assertThat(fetching.status().lastSuccess()).isNotNull();
        }
    }

    @Test
    void aFileIsFetchedOnceHoweverOftenTheFolderIsPolled() throws Exception {
        server.put("cdr/Master-01.csv", CALLS, SETTLED);

        try (Fetching fetching = Fetching.start(routes(passwordSource()))) {
            fetching.awaitFirstFetch();
            // the file drop takes the landed file away
            Files.delete(landing.resolve("Master-01.csv"));
            fetching.awaitFetches(3);

            assertThat(filesIn(landing)).isEmpty();
            assertThat(server.reads("Master-01.csv")).isEqualTo(1);
            assertThat(fetching.status().filesLanded()).isEqualTo(1);
        }
    }

    @Test
    void aRestartRemembersWhatWasFetchedAndTakesOnlyNewFiles() throws Exception {
        server.put("cdr/Master-01.csv", CALLS, SETTLED);
        try (Fetching before = Fetching.start(routes(passwordSource()))) {
            before.awaitFirstFetch();
        }
        Files.delete(landing.resolve("Master-01.csv"));

        try (Fetching after = Fetching.start(routes(passwordSource()))) {
            after.awaitFirstFetch();
            assertThat(filesIn(landing)).isEmpty();

            server.put("cdr/Master-02.csv", CALLS, SETTLED);
            after.awaitFetches(1);

            assertThat(filesIn(landing)).containsExactly("Master-02.csv");
            assertThat(server.reads("Master-01.csv")).isEqualTo(1);
            assertThat(after.status().filesLanded()).isEqualTo(1);
        }
        assertThat(landing.resolve(".state/" + SftpFetchRoutes.FETCHED)).content()
                .contains("Master-01.csv|" + CALLS.length() + "|").contains("Master-02.csv|");
    }

    @Test
    void aFileReplacedWithNewContentIsFetchedAgain() throws Exception {
        server.put("cdr/Master.csv", CALLS, SETTLED);
        try (Fetching fetching = Fetching.start(routes(passwordSource()))) {
            fetching.awaitFirstFetch();
            Files.delete(landing.resolve("Master.csv"));

            server.put("cdr/Master.csv", CALLS + "K-2,C-002,2026-10-01T09:00:00\n", Duration.ofMinutes(5));
            fetching.awaitFetches(1);

            assertThat(landing.resolve("Master.csv")).hasContent(CALLS + "K-2,C-002,2026-10-01T09:00:00\n");
            assertThat(server.reads("Master.csv")).isEqualTo(2);
        }
    }

    @Test
    void aFileStillBeingWrittenIsLeftForALaterFetch() throws Exception {
        server.put("cdr/Master.csv", "call_id,customer_id,sta", Duration.ZERO);

        try (Fetching fetching = Fetching.start(routes(passwordSource()))) {
            fetching.awaitFirstFetch();
            assertThat(filesIn(landing)).isEmpty();

            server.put("cdr/Master.csv", CALLS, SETTLED);
            fetching.awaitFetches(1);

            assertThat(filesIn(landing)).containsExactly("Master.csv");
            assertThat(landing.resolve("Master.csv")).hasContent(CALLS);
        }
    }

    @Test
    void aPrivateKeyLogsInWhereTheCredentialIsAKey() throws Exception {
        KeyPair key = rsaKey();
        server.acceptKey(key.getPublic());
        server.put("cdr/Master.csv", CALLS, SETTLED);

        try (Fetching fetching = Fetching.start(routes(passwordSource(), pem(key)))) {
            fetching.awaitFirstFetch();

            assertThat(filesIn(landing)).containsExactly("Master.csv");
            assertThat(server.passwordsTried()).isZero();
        }
    }

    @Test
    void aRefusedPasswordIsRetriedWithBackOffThenGivenUpWithANoteAndNoSecretAnywhere() throws Exception {
        server.put("cdr/Master.csv", CALLS, SETTLED);

        try (RecordedLog log = new RecordedLog();
                Fetching fetching = Fetching.start(routes(passwordSource(), "not-the-password"))) {
            fetching.awaitFirstFetch();

            assertThat(server.passwordsTried()).as("the first attempt and two retries").isEqualTo(3);
            assertThat(filesIn(landing)).isEmpty();
            String note = Files.readString(onlyNote(landing, "pbx-cdr"));
            assertThat(note).contains("source: pbx-cdr")
                    .contains("endpoint: sftp://rapport@127.0.0.1:" + server.port() + "/cdr")
                    .contains("attempts: 3")
                    .containsIgnoringCase("auth")
                    .doesNotContain("not-the-password");
            assertThat(fetching.status().healthy()).isFalse();
            assertThat(fetching.status().consecutiveFailures()).isEqualTo(1);
            assertThat(fetching.status().lastError()).containsIgnoringCase("auth");
            assertThat(log.messages(Level.WARNING)).anySatisfy(message -> assertThat(message)
                    .contains("pbx-cdr").contains("given up after 3 attempts"));
            assertThat(log.messagesWithExceptions()).noneMatch(message -> message.contains("not-the-password"));
        }
    }

    @Test
    void anUnreachableServerIsRetriedThenGivenUpAndTriedAgainOnTheNextFetch() throws Exception {
        int closedPort = closedPort();

        try (Fetching fetching = Fetching.start(routes(passwordSource(closedPort, "")))) {
            fetching.awaitFetches(1);

            assertThat(fetching.status().consecutiveFailures()).isGreaterThanOrEqualTo(2);
            assertThat(fetching.status().lastError()).containsIgnoringCase("connect");
            assertThat(filesIn(landing.resolve(".failed"))).hasSizeGreaterThanOrEqualTo(2)
                    .allMatch(name -> name.startsWith("pbx-cdr-") && name.endsWith(".fetch-failed.txt"));
            assertThat(Files.readString(TransportFixtures.notes(landing, "pbx-cdr").get(0))).contains("attempts: 3");
        }
    }

    @Test
    void aServerWhoseKeyIsNotInKnownHostsGetsNoPassword() throws Exception {
        server.put("cdr/Master.csv", CALLS, SETTLED);
        Path impostor = server.knownHostsWithAnotherKey(temp.resolve("known_hosts"), rsaKey());
        String source = """
                {"name": "pbx-cdr", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC", "schedule": "PT0.2S",
                 "transport": {"type": "sftp", "host": "127.0.0.1", "port": %d, "username": "rapport",
                               "credential": "pbx-sftp", "directory": "cdr", "knownHosts": "%s"}}
                """.formatted(server.port(), impostor);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(server.passwordsTried()).isZero();
            assertThat(filesIn(landing)).isEmpty();
            assertThat(Files.readString(onlyNote(landing, "pbx-cdr"))).containsIgnoringCase("hostkey");
        }
    }

    @Test
    void aCredentialThatIsNotConfiguredIsNamedWithTheSource() {
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of()), name -> Optional.empty(),
                TestSources.boundaries(), quickSettings());

        assertThat(catchThrowableOfType(DefinitionException.class,
                () -> transports.fetchRoutes(TestSources.definition(passwordSource()), landing)))
                .satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("transport.credential");
                    assertThat(problem.getMessage()).isEqualTo("source 'pbx-cdr' needs the credential 'pbx-sftp', "
                            + "which is not configured: configure the credential 'pbx-sftp'");
                });
    }

    /** A source on the test server, its host key in known_hosts, polled every 200 ms. */
    private String passwordSource() throws IOException {
        return passwordSource(server.port(), "\"knownHosts\": \"" + server.knownHosts(temp.resolve("known_hosts"))
                + "\",");
    }

    private static String passwordSource(int port, String hostKeySetting) {
        return """
                {"name": "pbx-cdr", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC", "schedule": "PT0.2S",
                 "transport": {"type": "sftp", "host": "127.0.0.1", "port": %d, "username": "rapport", %s
                               "credential": "pbx-sftp", "directory": "cdr", "include": "Master*.csv",
                               "timeout": "PT5S"}}
                """.formatted(port, hostKeySetting);
    }

    private FetchRoutes routes(String definition) throws DefinitionException {
        return routes(definition, SftpServer.PASSWORD);
    }

    private FetchRoutes routes(String definition, String secret) throws DefinitionException {
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of("pbx-sftp", secret)),
                name -> Optional.empty(), TestSources.boundaries(), quickSettings());
        return transports.fetchRoutes(TestSources.definition(definition), landing).orElseThrow();
    }

    private static KeyPair rsaKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    /** The private key as an unencrypted PKCS#8 PEM, as {@code openssl pkcs8 -nocrypt} writes it. */
    private static String pem(KeyPair key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
