package org.rapport.integration.crmexport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.engagement.ActionExportDestination;
import org.rapport.engine.engagement.ActionExportLine;
import org.rapport.engine.engagement.ActionList;
import org.rapport.integration.support.RecordedLog;

import com.sun.net.httpserver.HttpServer;

/**
 * The CRM export's real routes against a real outbox folder and a real HTTP server standing in for the
 * CRM; the engine's ledger is replaced by a recording one.
 */
class CrmExportTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static final ActionList OCTOBER = new ActionList(42, "2026-10", List.of(
            new ActionList.Action("7590-VHVEG", "ADVOCATE_INVITE"),
            new ActionList.Action("9305-CDSKC", "DETRACTOR_CALL_BACK"),
            new ActionList.Action("9305-CDSKC", "INDEX_FELL_SHARPLY")));

    @TempDir
    Path outbox;

    private final RecordingActionExports exports = new RecordingActionExports();
    private final Crm crm = new Crm();
    private CrmExport export;

    @AfterEach
    void stop() {
        if (export != null) {
            export.close();
        }
        crm.stop();
    }

    @Test
    void aPublishedRunsActionsAreWrittenToTheOutboxAsCsvWithTheCustomerIdAndActionOnly() throws Exception {
        export = CrmExport.start(settings(Optional.empty(), 0), exports);

        exports.published(OCTOBER);

        exports.awaitExport(ActionExportDestination.FILE, WAIT);
        Path file = outbox.resolve("rapport-actions-2026-10-run-42.csv");
        assertThat(Files.readAllLines(file)).containsExactly(
                "customer_id,action",
                "7590-VHVEG,ADVOCATE_INVITE",
                "9305-CDSKC,DETRACTOR_CALL_BACK",
                "9305-CDSKC,INDEX_FELL_SHARPLY");
        try (var files = Files.list(outbox)) {
            assertThat(files.map(path -> path.getFileName().toString())).as("no temporary file left behind")
                    .containsExactly("rapport-actions-2026-10-run-42.csv");
        }
        assertThat(exports.recorded()).singleElement().satisfies(line -> {
            assertThat(line.runId()).isEqualTo(42);
            assertThat(line.destination()).isEqualTo(ActionExportDestination.FILE);
            assertThat(line.target()).isEqualTo(file.toString());
            assertThat(line.actions()).isEqualTo(3);
            assertThat(line.delivered()).isTrue();
        });
    }

    @Test
    void theListIsPostedAsJsonToTheCrmAndRetriedWithBackOffUntilTheCrmTakesIt() throws Exception {
        crm.failFirst(2);
        try (RecordedLog log = new RecordedLog("org.rapport.integration.crmexport")) {
            export = CrmExport.start(settings(Optional.of(crm.uri()), 3), exports);

            exports.published(OCTOBER);

            exports.awaitExport(ActionExportDestination.REST, WAIT);
            assertThat(log.messages()).as("no customer id in any log line")
                    .noneMatch(line -> line.contains("7590-VHVEG") || line.contains("9305-CDSKC"))
                    .anyMatch(line -> line.contains("run 42") && line.contains("3 actions"));
        }
        assertThat(crm.requests()).hasSize(3).allSatisfy(request -> {
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body()).isEqualTo("{\"run\":42,\"month\":\"2026-10\",\"actions\":["
                    + "{\"customerId\":\"7590-VHVEG\",\"action\":\"ADVOCATE_INVITE\"},"
                    + "{\"customerId\":\"9305-CDSKC\",\"action\":\"DETRACTOR_CALL_BACK\"},"
                    + "{\"customerId\":\"9305-CDSKC\",\"action\":\"INDEX_FELL_SHARPLY\"}]}");
            assertThat(request.headers()).as("nothing internal leaks as an HTTP header")
                    .noneMatch(name -> name.toLowerCase().startsWith("rapport") || name.toLowerCase().startsWith("camel"));
        });
        assertThat(exports.recorded()).filteredOn(line -> line.destination() == ActionExportDestination.REST)
                .singleElement().satisfies(line -> {
                    assertThat(line.target()).isEqualTo(crm.uri().toString());
                    assertThat(line.actions()).isEqualTo(3);
                    assertThat(line.delivered()).isTrue();
                    assertThat(line.attempts()).as("two refusals, then taken").isEqualTo(3);
                });
    }

    @Test
    void aCrmThatKeepsRefusingIsRecordedAsAFailedExportAfterTheLastRetry() throws Exception {
        crm.failFirst(Integer.MAX_VALUE);
        export = CrmExport.start(settings(Optional.of(crm.uri()), 2), exports);

        exports.published(OCTOBER);

        exports.awaitExport(ActionExportDestination.REST, WAIT);
        assertThat(crm.requests()).as("the first attempt and two retries").hasSize(3);
        assertThat(exports.recorded()).filteredOn(line -> line.destination() == ActionExportDestination.REST)
                .singleElement().satisfies(line -> {
                    assertThat(line.delivered()).isFalse();
                    assertThat(line.attempts()).isEqualTo(3);
                    assertThat(line.failure()).isEqualTo("HTTP 503 Service Unavailable");
                });
        assertThat(exports.runsAwaitingExport(ActionExportDestination.REST)).as("reported, not retried for ever")
                .isEmpty();
    }

    @Test
    void anOutboxWithASpaceInItsNameGetsTheList() throws Exception {
        Path spaced = outbox.resolve("crm outbox");
        export = CrmExport.start(new CrmExportSettings(spaced, Optional.empty(), Duration.ofMillis(100), 0,
                Duration.ofMillis(20)), exports);

        exports.published(OCTOBER);

        exports.awaitExport(ActionExportDestination.FILE, WAIT);
        assertThat(spaced.resolve("rapport-actions-2026-10-run-42.csv")).exists();
    }

    @Test
    void anOutboxThatWouldBeReadAsCamelOptionsStartsNoExportAndWritesNothing() throws Exception {
        Path optioned = Path.of(outbox + "/in?fileName=..%2Fescaped.csv");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CrmExport.start(new CrmExportSettings(optioned,
                Optional.empty(), Duration.ofMillis(100), 0, Duration.ofMillis(20)), exports))
                .hasMessageContaining("letters, digits, spaces");
        exports.published(OCTOBER);

        assertThat(exports.runsAwaitingExport(ActionExportDestination.FILE)).as("still waiting, nothing exported")
                .containsExactly(42L);
        try (var written = Files.walk(outbox)) {
            assertThat(written.filter(Files::isRegularFile).map(Path::toString))
                    .noneMatch(name -> name.endsWith(".csv"));
        }
        assertThat(exports.recorded()).isEmpty();
    }

    private CrmExportSettings settings(Optional<URI> endpoint, int retries) {
        return new CrmExportSettings(outbox, endpoint, Duration.ofMillis(100), retries, Duration.ofMillis(20));
    }

    /** A CRM endpoint on loopback that refuses the first requests with 503, then answers 202. */
    private static final class Crm {

        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final AtomicInteger refusals = new AtomicInteger();

        Crm() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException("Cannot start the stand-in CRM", e);
            }
            server.createContext("/crm/actions", exchange -> {
                try (InputStream body = exchange.getRequestBody()) {
                    requests.add(new Request(exchange.getRequestMethod(),
                            exchange.getRequestHeaders().getFirst("Content-Type"),
                            List.copyOf(exchange.getRequestHeaders().keySet()),
                            new String(body.readAllBytes(), StandardCharsets.UTF_8)));
                }
                boolean refuse = refusals.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : left - 1) > 0;
                exchange.sendResponseHeaders(refuse ? 503 : 202, -1);
                exchange.close();
            });
            server.start();
        }

        void failFirst(int times) {
            refusals.set(times);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/crm/actions");
        }

        List<Request> requests() {
            assertThat(requests).allSatisfy(request -> assertThat(request.method()).isEqualTo("POST"));
            return List.copyOf(requests);
        }

        void stop() {
            server.stop(0);
        }
    }

    private record Request(String method, String contentType, List<String> headers, String body) {
    }
}
