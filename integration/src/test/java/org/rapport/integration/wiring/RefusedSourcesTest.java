package org.rapport.integration.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.sun.net.httpserver.HttpServer;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.filedrop.FileDropSettings;
import org.rapport.integration.filedrop.RecordingIntake;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDirectory;
import org.rapport.integration.transport.CredentialResolver;
import org.rapport.integration.transport.FetchSettings;
import org.rapport.integration.transport.PagedApi;
import org.rapport.integration.transport.SourceTransports;

/**
 * A definition that reaches beyond the boundaries has no effect at all, while the running sources go
 * on: the file outside the roots is still there, a server off the allow-list is never connected to, a
 * credential never reaches a host it is not bound to, a query on Rapport's own data source never runs.
 * Each test runs an allowed source beside the refused one and waits for it to work, so the refused
 * one had every chance to act.
 */
class RefusedSourcesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TOKEN = "Bearer 9c1e-allowed-token";
    private static final String SECRET_OF_PASSWD = "root:x:0:0:root:/root:/bin/bash\n";
    private static final String PURCHASES = "customer_id,purchased_on,amount,product_category\n"
            + "C-001,2026-10-03,44.35,broadband-plan\n";

    @TempDir
    Path root;
    private final CamelContext camel = new DefaultCamelContext();
    private final RecordingIntake intake = new RecordingIntake();
    private final AtomicInteger connectionsToRapportsOwn = new AtomicInteger();
    private final List<Map<String, List<String>>> requestsElsewhere = new CopyOnWriteArrayList<>();
    private SourceDirectory directory;
    private ConfiguredSources sources;
    private PagedApi allowedApi;
    private HttpServer elsewhere;

    @BeforeEach
    void startInstallation() throws Exception {
        Files.createDirectories(root.resolve("sources"));
        Files.createDirectories(root.resolve("drops/billing"));
        Files.createDirectories(root.resolve("outside"));
        Files.writeString(root.resolve("outside/passwd"), SECRET_OF_PASSWD);
        allowedApi = PagedApi.start(3, TOKEN);
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            requestsElsewhere.add(Map.copyOf(exchange.getRequestHeaders()));
            String movedTo = exchange.getRequestURI().getQuery();
            if (movedTo != null && movedTo.startsWith("to=")) {
                // "moved": where an API (or whoever answers in its place) sends the request on
                exchange.getResponseHeaders().add("Location", movedTo.substring(3));
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        elsewhere.start();

        // The administrator's choices: drops are a file root; 127.0.0.1 is allowed (localhost is not);
        // the survey token is for 127.0.0.1, the CRM token for crm.example; the CRM is a source connection,
        // and so, by mistake, is another name of Rapport's own data source.
        SourceBoundaries boundaries = SourceBoundaries.closed(root).withFileRoots(root.resolve("drops"))
                .withAllowedHosts("127.0.0.1", "crm.example")
                .withCredentialHosts(Map.of("survey-token", Set.of("127.0.0.1"), "crm-token", Set.of("crm.example"),
                        "pbx-sftp", Set.of("localhost")))
                .withConnections("java:/jdbc/crm", "java:/jdbc/rapport-alias", "java:jboss/datasources/RapportDS");
        DataSource rapportsOwn = countingConnections(rapportsOwnDatabase());
        SourceTransports transports = new SourceTransports(
                CredentialResolver.of(Map.of("survey-token", TOKEN, "crm-token", "Bearer crm-secret")),
                name -> Set.of("java:jboss/datasources/RapportDS", "java:/jdbc/rapport-alias").contains(name)
                        ? Optional.of(rapportsOwn) : Optional.empty(),
                boundaries, new FetchSettings(Duration.ZERO, Duration.ofMillis(200), 0, Duration.ofMillis(50),
                        Duration.ZERO));
        directory = new SourceDirectory(root.resolve("sources"), FormatCatalog.standard(), boundaries);
        FileDropSettings settings = new FileDropSettings(root.resolve("intake"), Duration.ofMillis(50),
                Duration.ofMillis(100), 2, Duration.ofMillis(10));
        sources = new ConfiguredSources(camel, directory, FormatCatalog.standard(), CustomerDirectory.NONE,
                transports, settings, intake, Set.of());
        camel.start();
    }

    @AfterEach
    void stopInstallation() throws Exception {
        camel.close();
        allowedApi.close();
        elsewhere.stop(0);
    }

    @Test
    void aFileSourceOutsideTheRootsTakesNothingAndTheRunningSourcesGoOn() throws Exception {
        write("billing.json", billing("../drops/billing"));
        write("leak.json", billing(root.resolve("outside").toString()).replace("\"billing\"", "\"leak\""));

        List<DefinitionProblem> problems = sources.reconcile();
        drop(root.resolve("drops/billing"), "purchases.csv", PURCHASES);
        await("the billing file to be stored", () -> storedFiles().contains("purchases.csv"));

        assertThat(problems).extracting(DefinitionProblem::file, DefinitionProblem::field)
                .containsExactly(tuple("sources/leak.json", "transport.directory"));
        assertThat(sources.isRunning("leak")).isFalse();
        assertThat(root.resolve("outside/passwd")).hasContent(SECRET_OF_PASSWD);
        assertThat(storedFiles()).containsExactly("purchases.csv");
    }

    @Test
    void aLinkInADropFolderOrAnIntakeFolderIsNotFollowedOutOfIt() throws Exception {
        write("billing.json", billing("../drops/billing"));
        sources.reconcile();
        Path link = Files.createSymbolicLink(root.resolve("drops/billing/passwd.csv"), root.resolve("outside/passwd"));
        Path linkInIntake = Files.createSymbolicLink(root.resolve("intake/billing/etc-passwd.csv"),
                root.resolve("outside/passwd"));

        drop(root.resolve("drops/billing"), "purchases.csv", PURCHASES);
        await("the dropped file to be stored", () -> storedFiles().contains("purchases.csv"));

        assertThat(storedFiles()).containsExactly("purchases.csv");
        assertThat(link).isSymbolicLink();
        assertThat(linkInIntake).isSymbolicLink();
        assertThat(root.resolve("outside/passwd")).hasContent(SECRET_OF_PASSWD);
    }

    @Test
    void aHostOffTheAllowListIsNeverConnectedTo() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            listening.configureBlocking(false);
            int port = listening.socket().getLocalPort();
            write("api.json", httpSource("api", "http://localhost:" + port + "/responses", null));
            write("pbx.json", """
                    {"name": "pbx", "kind": "calls", "format": "canonical-csv", "timeZone": "UTC", "schedule": "PT0.2S",
                     "transport": {"type": "sftp", "host": "localhost", "port": %d, "username": "rapport",
                                   "credential": "pbx-sftp", "directory": "cdr"}}
                    """.formatted(port));
            write("surveys.json", httpSource("surveys", allowedApi.url("/by-cursor").toString(), "survey-token"));

            List<DefinitionProblem> problems = sources.reconcile();
            await("the allowed API to be fetched from", () -> !allowedApi.queries().isEmpty());

            assertThat(problems).extracting(DefinitionProblem::file, DefinitionProblem::field).containsExactlyInAnyOrder(
                    tuple("sources/api.json", "transport.url"), tuple("sources/pbx.json", "transport.host"));
            assertThat(listening.accept()).as("a connection to the host off the allow-list").isNull();
            assertThat(sources.isRunning("surveys")).isTrue();
        }
    }

    @Test
    void aRedirectDoesNotTakeARequestOffTheAllowList() throws Exception {
        try (ServerSocketChannel listening = ServerSocketChannel.open()) {
            listening.bind(new InetSocketAddress("127.0.0.1", 0));
            listening.configureBlocking(false);
            String offTheList = "http://localhost:" + listening.socket().getLocalPort() + "/responses";
            write("moved.json", httpSource("moved", "http://127.0.0.1:" + elsewhere.getAddress().getPort()
                    + "/responses?to=" + offTheList, "survey-token"));

            assertThat(sources.reconcile()).isEmpty();
            await("the fetch to be given up", () -> sources.fetchStatus("moved")
                    .map(status -> status.lastError() != null).orElse(false));

            assertThat(requestsElsewhere).as("requests to the allowed host").isNotEmpty();
            assertThat(sources.fetchStatus("moved").orElseThrow().lastError()).contains("302");
            assertThat(listening.accept()).as("a connection to the host the redirect named").isNull();
        }
    }

    @Test
    void aCredentialIsNeverSentToAHostItIsNotBoundTo() throws Exception {
        // 127.0.0.1 is allowed, but the CRM token is for crm.example only
        write("crm-api.json", httpSource("crm-api", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/",
                "crm-token"));
        write("surveys.json", httpSource("surveys", allowedApi.url("/by-cursor").toString(), "survey-token"));

        List<DefinitionProblem> problems = sources.reconcile();
        await("the allowed API to be fetched from", () -> !allowedApi.queries().isEmpty());

        assertThat(problems).extracting(DefinitionProblem::file, DefinitionProblem::field)
                .containsExactly(tuple("sources/crm-api.json", "transport.credential"));
        assertThat(requestsElsewhere).as("requests, with or without the CRM token").isEmpty();
    }

    @Test
    void aQueryOnRapportsOwnDataSourceNeverRunsUnderAnyName() throws Exception {
        String query = "select file_read('%s') as customer_id".formatted(root.resolve("outside/passwd"));
        write("own.json", jdbcSource("own", "java:jboss/datasources/RapportDS", query));
        write("alias.json", jdbcSource("alias", "java:/jdbc/rapport-alias", query));

        List<DefinitionProblem> problems = sources.reconcile();

        assertThat(problems).extracting(DefinitionProblem::file, DefinitionProblem::field).containsExactlyInAnyOrder(
                tuple("sources/own.json", "transport.dataSource"), tuple("sources/alias.json", "transport.dataSource"));
        assertThat(problems).filteredOn(problem -> problem.file().endsWith("alias.json")).singleElement()
                .extracting(DefinitionProblem::message).asString().contains("Rapport's own data source");
        assertThat(connectionsToRapportsOwn).as("connections to Rapport's own database").hasValue(0);
        assertThat(camel.getRoutes()).as("routes").isEmpty();
        assertThat(intake.stored()).isEmpty();
    }

    @Test
    void aRefusedChangeByRestLeavesTheRunningSourceAsItWas() throws Exception {
        assertThat(directory.save("billing", billing("../drops/billing"))).isEmpty();
        sources.reconcile();
        List<String> routesBefore = routeIds();

        List<DefinitionProblem> refused = directory.save("billing", billing(root.resolve("outside").toString()));
        sources.reconcile();
        drop(root.resolve("drops/billing"), "purchases.csv", PURCHASES);
        await("the file to be stored by the source as it was", () -> storedFiles().contains("purchases.csv"));

        assertThat(refused).extracting(DefinitionProblem::file, DefinitionProblem::field)
                .containsExactly(tuple("sources/billing.json", "transport.directory"));
        assertThat(root.resolve("sources/billing.json")).hasContent(billing("../drops/billing"));
        assertThat(routeIds()).isEqualTo(routesBefore);
        assertThat(root.resolve("outside/passwd")).hasContent(SECRET_OF_PASSWD);
    }

    private static String billing(String directory) {
        return """
                {"name": "billing", "kind": "purchases", "format": "canonical-csv", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "%s"}}
                """.formatted(directory);
    }

    private static String httpSource(String name, String url, String credential) {
        return """
                {"name": "%s", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
                 "schedule": "PT0.2S",
                 "transport": {"type": "http", "url": "%s", "paging": "cursor", "pageParam": "after",
                               "nextCursor": "/paging/next", "items": "/data/responses"%s},
                 "fields": {"response_id": "id", "customer_id": "customer", "responded_at": "submitted", "nps": "nps"}}
                """.formatted(name, url, credential == null ? ""
                        : ", \"authHeader\": \"Authorization\", \"credential\": \"" + credential + "\"");
    }

    private static String jdbcSource(String name, String dataSource, String query) {
        return """
                {"name": "%s", "kind": "customers", "format": "generic-csv", "timeZone": "UTC", "schedule": "PT0.2S",
                 "transport": {"type": "jdbc", "dataSource": "%s", "query": "%s"}}
                """.formatted(name, dataSource, query);
    }

    /** An H2 database, as Rapport's own is in development: one whose FILE_READ reads the server's files. */
    private static DataSource rapportsOwnDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rapport-own;DB_CLOSE_DELAY=-1");
        return h2;
    }

    /** The data source, counting the connections anyone opens. */
    private DataSource countingConnections(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        connectionsToRapportsOwn.incrementAndGet();
                    }
                    return method.invoke(dataSource, arguments);
                });
    }

    private List<String> storedFiles() {
        return intake.stored().stream().map(IntakeBatch::fileName).toList();
    }

    private List<String> routeIds() {
        return camel.getRoutes().stream().map(route -> route.getRouteId()).sorted().toList();
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(root.resolve("sources").resolve(name), json);
    }

    /** Written beside the folder, then moved in whole, as a well-behaved source does. */
    private static Path drop(Path folder, String name, String content) throws IOException {
        Path staged = Files.writeString(folder.getParent().resolve("." + name), content);
        return Files.move(staged, folder.resolve(name));
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + WAIT + " for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos()); // between probes of the condition only
        }
    }
}
