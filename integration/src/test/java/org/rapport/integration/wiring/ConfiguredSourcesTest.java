package org.rapport.integration.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.filedrop.FileDropSettings;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDirectory;
import org.rapport.integration.transport.CredentialResolver;
import org.rapport.integration.transport.FetchSettings;
import org.rapport.integration.transport.SourceTransports;

/**
 * Sources are configuration: a definition written into the sources directory starts taking its
 * source's files into the real store without a restart, a changed one is taken as changed, a removed
 * one stops, and one that cannot run says why, by field, while the others run.
 */
class ConfiguredSourcesTest extends PersistenceSpec {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String BILLING = """
            {
              // the billing system drops its purchases where it always has
              "name": "billing", "kind": "purchases", "format": "canonical-csv", "timeZone": "Europe/London",
              "transport": {"type": "file", "directory": "../drops/billing", "include": "*.csv"}
            }
            """;
    private static final String PURCHASES = "customer_id,purchased_on,amount,product_category\n"
            + "C-001,2026-10-03,44.35,broadband-plan\n"
            + "C-002,2026-10-04,97.85,fibre-plan\n";

    @TempDir
    Path root;
    private CamelContext camel;
    private ConfiguredSources sources;

    @BeforeEach
    void startCamel() throws IOException {
        Files.createDirectories(root.resolve("drops/billing"));
        Files.createDirectories(root.resolve("sources"));
        camel = new DefaultCamelContext();
        // a reader waiting for a file to settle sleeps through its check interval: stopped, it is interrupted at
        // once rather than waited for
        camel.getShutdownStrategy().setTimeout(1);
        camel.start();
    }

    @AfterEach
    void stopCamel() throws Exception {
        camel.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDefinitionWrittenIntoTheDirectoryTakesItsSourcesFilesWithoutARestart(TestDatabase database)
            throws Exception {
        start(database);
        write("billing.json", BILLING);

        assertThat(sources.reconcile()).isEmpty();
        drop(root.resolve("drops/billing"), "purchases-2026-10.csv", PURCHASES);

        await("the file to be stored", () -> batches(database).size() == 1);
        BatchEntry batch = batches(database).get(0);
        assertThat(batch.source()).isEqualTo("billing");
        assertThat(batch.rowsAccepted()).isEqualTo(2);
        assertThat(batch.keptAs()).isEqualTo("billing/.done/purchases-2026-10.csv");
        await("the file to be kept", () -> Files.exists(root.resolve("intake/billing/.done/purchases-2026-10.csv")));
        assertThat(root.resolve("drops/billing")).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aSourcesFolderLeavesAFileJustWrittenAsLongAsTheInboxWouldAndMovesASettledOneAtOnce(TestDatabase database)
            throws Exception {
        // files must be still for half a minute, far longer than the test waits; the folders are looked at often
        start(database, Duration.ofSeconds(30));
        write("billing.json", BILLING);
        sources.reconcile();

        Path fresh = drop(root.resolve("drops/billing"), "purchases-2026-11.csv", PURCHASES);
        Path settled = drop(root.resolve("drops/billing"), "purchases-2026-10.csv", PURCHASES);
        Files.setLastModifiedTime(settled, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));

        await("the settled file to be stored", () -> batches(database).size() == 1);
        assertThat(batches(database).get(0).fileName()).isEqualTo("purchases-2026-10.csv");
        assertThat(fresh).as("the file just written, still where it was dropped").exists();
        assertThat(root.resolve("intake/billing/purchases-2026-11.csv")).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRemovedDefinitionStopsItsRoutesAndLeavesNewFilesWhereTheyAre(TestDatabase database) throws Exception {
        start(database);
        write("billing.json", BILLING);
        sources.reconcile();
        assertThat(routeIds()).contains("intake-billing", "relay-billing");

        Files.delete(root.resolve("sources/billing.json"));
        sources.reconcile();

        assertThat(routeIds()).doesNotContain("intake-billing", "relay-billing");
        assertThat(sources.isRunning("billing")).isFalse();
        Path late = drop(root.resolve("drops/billing"), "purchases-2026-11.csv", PURCHASES);
        // another source, dropped into after the late file, is taken: the routes that remain are polling
        Files.createDirectories(root.resolve("drops/other"));
        write("other.json", BILLING.replace("\"billing\"", "\"other\"").replace("drops/billing", "drops/other"));
        sources.reconcile();
        drop(root.resolve("drops/other"), "purchases-2026-11.csv", PURCHASES);
        await("the other source's file to be stored", () -> batches(database).size() == 1);
        assertThat(batches(database).get(0).source()).isEqualTo("other");
        assertThat(late).exists();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangedDefinitionIsTakenAsChanged(TestDatabase database) throws Exception {
        start(database);
        write("billing.json", BILLING);
        sources.reconcile();

        write("billing.json", BILLING.replace("*.csv", "*.txt"));
        sources.reconcile();
        drop(root.resolve("drops/billing"), "purchases-2026-10.csv", PURCHASES);
        drop(root.resolve("drops/billing"), "purchases-2026-10.txt", PURCHASES);

        await("the .txt file to be stored", () -> batches(database).size() == 1);
        assertThat(batches(database).get(0).fileName()).isEqualTo("purchases-2026-10.txt");
        assertThat(root.resolve("drops/billing/purchases-2026-10.csv")).as("no longer included").exists();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDefinitionThatCannotRunSaysWhyByFieldAndTheOthersRun(TestDatabase database) throws Exception {
        start(database);
        write("billing.json", BILLING);
        write("pbx.json", """
                {"name": "pbx", "kind": "calls", "format": "asterisk-cdr-csv", "timeZone": "Europe/London",
                 "transport": {"type": "sftp", "host": "127.0.0.1", "port": 2222, "username": "rapport",
                               "directory": "/var/log/asterisk/cdr-csv", "credential": "pbx-sftp"}}
                """);
        write("calls.json", BILLING.replace("\"billing\"", "\"calls\""));

        List<DefinitionProblem> problems = sources.reconcile();

        assertThat(problems).extracting(DefinitionProblem::file, DefinitionProblem::field).containsExactlyInAnyOrder(
                tuple("sources/pbx.json", "transport.credential"), tuple("sources/calls.json", "name"));
        assertThat(problems).filteredOn(problem -> problem.field().equals("transport.credential"))
                .singleElement().extracting(DefinitionProblem::message).asString().contains("pbx-sftp");
        assertThat(sources.isRunning("billing")).isTrue();
        assertThat(sources.isRunning("pbx")).isFalse();
        assertThat(routeIds()).doesNotContain("intake-pbx", "fetch-pbx", "intake-calls");
    }

    private void start(TestDatabase database) {
        start(database, Duration.ofMillis(100));
    }

    private void start(TestDatabase database, Duration stillFor) {
        Intake intake = new TransactionalIntake(on(database)::read, Clock.systemUTC());
        FileDropSettings settings = new FileDropSettings(root.resolve("intake"), Duration.ofMillis(50),
                stillFor, 2, Duration.ofMillis(10));
        // the billing system's drops are a file root; the PBX's host is allowed, its credential bound to it
        SourceBoundaries boundaries = SourceBoundaries.closed(root).withFileRoots(root.resolve("drops"))
                .withAllowedHosts("127.0.0.1").withCredentialHosts(Map.of("pbx-sftp", Set.of("127.0.0.1")));
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of()),
                name -> Optional.empty(), boundaries, FetchSettings.standard());
        sources = new ConfiguredSources(camel, new SourceDirectory(root.resolve("sources"), FormatCatalog.standard(),
                boundaries), FormatCatalog.standard(), CustomerDirectory.NONE, transports, settings, intake,
                Set.of("calls"));
    }

    private List<BatchEntry> batches(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).batches(10));
    }

    private List<String> routeIds() {
        return camel.getRoutes().stream().map(route -> route.getRouteId()).toList();
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
