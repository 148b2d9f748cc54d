package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rapport.integration.transport.TransportFixtures.filesIn;
import static org.rapport.integration.transport.TransportFixtures.onlyNote;
import static org.rapport.integration.transport.TransportFixtures.quickSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.support.RecordedLog;
import org.rapport.integration.support.TestSources;

/** The HTTP transport against a real paged JSON API: both paging styles, the credential, and faults. */
class HttpFetchTest {

    private static final String SOURCE = """
            {"name": "survey-api", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
             "schedule": "%s",
             "transport": {"type": "http", "url": "%s", "authHeader": "Authorization", "credential": "survey-token",
                           "timeout": "PT0.5S", %s},
             "fields": {"response_id": "id", "customer_id": "customer", "responded_at": "submitted", "nps": "nps"}}
            """;
    private static final String BY_CURSOR = """
            "paging": "cursor", "pageParam": "after", "nextCursor": "/paging/next", "items": "/data/responses"
            """;
    private static final String BY_PAGE = """
            "paging": "page", "pageParam": "page", "items": "/items"
            """;

    @TempDir
    Path temp;
    Path landing;
    PagedApi api;

    @BeforeEach
    void startApi() throws IOException {
        api = PagedApi.start(5);
        landing = temp.resolve("intake/survey-api");
    }

    @AfterEach
    void stopApi() {
        api.close();
    }

    @Test
    void cursorPagingLandsTheRecordsOfEveryPageInOneFileTheSourcesFormatReads() throws Exception {
        SourceDefinition source = definition("/by-cursor?survey=7", BY_CURSOR);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.queries()).startsWith("survey=7", "survey=7&after=c2", "survey=7&after=c4");
            IntakeBatch batch = readLanded(source);
            assertThat(batch.records()).hasSize(5);
            assertThat(batch.quarantined()).isEmpty();
            assertThat(fetching.status().filesLanded()).isEqualTo(1);
            assertThat(fetching.status().rowsLanded()).isEqualTo(5);
            assertThat(fetching.status().healthy()).isTrue();
        }
    }

    @Test
    void pagePagingStopsAtTheFirstEmptyPage() throws Exception {
        SourceDefinition source = definition("/by-page", BY_PAGE);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.queries()).startsWith("page=1", "page=2", "page=3", "page=4");
            assertThat(readLanded(source).records()).hasSize(5);
        }
    }

    @Test
    void pagePagingWithAPageSizeAsksForItAndStopsAtTheFirstShortPage() throws Exception {
        SourceDefinition source = definition("/by-page", """
                "paging": "page", "pageParam": "page", "items": "/items", "pageSize": 3, "pageSizeParam": "per_page"
                """);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.queries()).startsWith("page=1&per_page=3", "page=2&per_page=3");
            assertThat(api.queries()).doesNotContain("page=3&per_page=3");
            assertThat(readLanded(source).records()).hasSize(5);
        }
    }

    @Test
    void aCronScheduleFetchesToo() throws Exception {
        SourceDefinition source = definition("/by-cursor", BY_CURSOR, "* * * * * ?");

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(readLanded(source).records()).hasSize(5);
        }
    }

    @Test
    void aCredentialTheApiRefusesIsGivenUpAtOnceWithANoteThatDoesNotHoldIt() throws Exception {
        SourceDefinition source = definition("/by-cursor", BY_CURSOR);

        try (RecordedLog log = new RecordedLog();
                Fetching fetching = Fetching.start(routes(source, "Bearer wrong-token"))) {
            fetching.awaitFirstFetch();

            assertThat(api.requests()).as("requests with the token").isZero();
            String note = Files.readString(onlyNote(landing, "survey-api"));
            assertThat(note).contains("source: survey-api")
                    .contains("endpoint: " + api.url("/by-cursor"))
                    .contains("attempts: 1")
                    .contains("error: HTTP 401")
                    .doesNotContain("wrong-token");
            assertThat(fetching.status().lastError()).isEqualTo("HTTP 401 Unauthorized");
            assertThat(filesIn(landing)).isEmpty();
            assertThat(log.messagesWithExceptions()).noneMatch(message -> message.contains("wrong-token"))
                    .anyMatch(message -> message.contains("survey-api") && message.contains("given up after 1 attempt"));
        }
    }

    @Test
    void aSourceWhoseRouteIsRemovedAndAddedAgainUsesItsNewCredential() throws Exception {
        SourceDefinition source = definition("/by-cursor", BY_CURSOR);
        DefaultCamelContext camel = new DefaultCamelContext();
        try {
            FetchRoutes refused = routes(source, "Bearer old-token");
            camel.addRoutes(refused);
            NotifyBuilder givenUp = new NotifyBuilder(camel).fromRoute(refused.routeId()).whenDone(1).create();
            camel.start();
            assertThat(givenUp.matches(30, TimeUnit.SECONDS)).isTrue();

            camel.getRouteController().stopRoute(refused.routeId());
            camel.removeRoute(refused.routeId());
            FetchRoutes accepted = routes(source, PagedApi.TOKEN);
            NotifyBuilder fetched = new NotifyBuilder(camel).fromRoute(accepted.routeId()).whenDone(1).create();
            camel.addRoutes(accepted);
            assertThat(fetched.matches(30, TimeUnit.SECONDS)).isTrue();

            assertThat(accepted.status().snapshot().healthy()).isTrue();
            assertThat(readLanded(source).records()).hasSize(5);
        } finally {
            camel.stop();
        }
    }

    @Test
    void aServerThatAnswers503TwiceIsRetriedAndTheFetchSucceeds() throws Exception {
        api.failFirst(503, 503);
        SourceDefinition source = definition("/by-cursor", BY_CURSOR);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.queries()).startsWith("", "", "", "after=c2", "after=c4");
            assertThat(readLanded(source).records()).hasSize(5);
            assertThat(fetching.status().healthy()).isTrue();
            assertThat(TransportFixtures.notes(landing, "survey-api")).isEmpty();
        }
    }

    @Test
    void aServerThatStaysDownIsGivenUpAfterTheRetriesAndTriedAgainOnTheNextFetch() throws Exception {
        api.failAlways(503);
        SourceDefinition source = definition("/by-cursor", BY_CURSOR);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFetches(1);

            assertThat(fetching.status().consecutiveFailures()).isGreaterThanOrEqualTo(2);
            assertThat(fetching.status().lastError()).isEqualTo("HTTP 503 Service Unavailable");
            List<Path> notes = TransportFixtures.notes(landing, "survey-api");
            assertThat(notes).hasSizeGreaterThanOrEqualTo(2);
            assertThat(Files.readString(notes.get(0))).contains("attempts: 3").contains("error: HTTP 503");
            assertThat(filesIn(landing)).isEmpty();
        }
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsRetriedThenGivenUp() throws Exception {
        api.hang();
        SourceDefinition source = definition("/by-cursor", BY_CURSOR);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.requests()).isEqualTo(3);
            assertThat(Files.readString(onlyNote(landing, "survey-api"))).contains("attempts: 3")
                    .containsIgnoringCase("timed out");
        }
    }

    @Test
    void aServerThatIsNotThereIsRetriedThenGivenUp() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SourceDefinition source = definition("http://127.0.0.1:" + closedPort + "/by-cursor", BY_CURSOR, "PT0.2S");

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(Files.readString(onlyNote(landing, "survey-api"))).contains("attempts: 3")
                    .containsIgnoringCase("connect");
        }
    }

    @Test
    void aFetchThatFailsHalfWayLandsNothingAndLeavesNothingBehind() throws Exception {
        api.failFromPage(2);
        SourceDefinition source = definition("/by-cursor", BY_CURSOR);

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.queries()).startsWith("", "after=c2", "after=c2", "after=c2");
            try (Stream<Path> entries = Files.list(landing)) {
                assertThat(entries).noneMatch(file -> file.getFileName().toString().startsWith(".fetching"));
            }
            assertThat(filesIn(landing)).isEmpty();
            assertThat(Files.readString(onlyNote(landing, "survey-api"))).contains("attempts: 3")
                    .contains("error: HTTP 500");
            assertThat(fetching.status().rowsLanded()).isZero();
        }
    }

    @Test
    void aResponseWithoutTheRecordsWhereTheDefinitionSaysIsGivenUpAtOnce() throws Exception {
        SourceDefinition source = definition("/by-cursor", BY_CURSOR.replace("/data/responses", "/data/items"));

        try (Fetching fetching = Fetching.start(routes(source))) {
            fetching.awaitFirstFetch();

            assertThat(api.requests()).isEqualTo(1);
            assertThat(Files.readString(onlyNote(landing, "survey-api"))).contains("attempts: 1")
                    .contains("page 1 has no array of records at /data/items: check transport.items");
        }
    }

    @Test
    void aCredentialThatIsNotConfiguredIsNamedWithTheSource() {
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of()), name -> Optional.empty(),
                TestSources.boundaries(), quickSettings());

        assertThat(catchThrowableOfType(DefinitionException.class,
                () -> transports.fetchRoutes(definition("/by-cursor", BY_CURSOR), landing)))
                .hasMessage("source 'survey-api' needs the credential 'survey-token', which is not configured: "
                        + "configure the credential 'survey-token'");
    }

    /** A source on the test API, fetched every 200 ms. */
    private SourceDefinition definition(String path, String paging) {
        return definition(path, paging, "PT0.2S");
    }

    private SourceDefinition definition(String pathOrUrl, String paging, String schedule) {
        String url = pathOrUrl.startsWith("/") ? api.url(pathOrUrl).toString() : pathOrUrl;
        return TestSources.definition(SOURCE.formatted(schedule, url, paging.strip()));
    }

    private FetchRoutes routes(SourceDefinition source) throws DefinitionException {
        return routes(source, PagedApi.TOKEN);
    }

    private FetchRoutes routes(SourceDefinition source, String token) throws DefinitionException {
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of("survey-token", token)),
                name -> Optional.empty(), TestSources.boundaries(), quickSettings());
        return transports.fetchRoutes(source, landing).orElseThrow();
    }

    /** The first landed file, read by the source's own format as the file drop would. */
    private IntakeBatch readLanded(SourceDefinition source) throws IOException {
        // a route's exchange was once counted done before its file was listed here (under heavy load): wait for it
        org.awaitility.Awaitility.await("a file landed").atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !filesIn(landing).isEmpty());
        List<String> landed = filesIn(landing);
        assertThat(landed).isNotEmpty().allMatch(name -> name.startsWith("survey-api-") && name.endsWith(".json"));
        try (InputStream content = Files.newInputStream(landing.resolve(landed.get(0)))) {
            return TestSources.format(source, CustomerDirectory.NONE)
                    .read(landed.get(0), content);
        }
    }
}
