package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.rapport.integration.transport.CrmDatabase.customers;
import static org.rapport.integration.transport.CrmDatabase.execute;
import static org.rapport.integration.transport.TransportFixtures.filesIn;
import static org.rapport.integration.transport.TransportFixtures.onlyNote;
import static org.rapport.integration.transport.TransportFixtures.quickSettings;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.CustomerMatch;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;
import org.rapport.integration.support.TestSources;

/** The JDBC transport against a real CRM database: what each fetch lands, and where the next one starts. */
class JdbcFetchTest {

    private static final String CRM = """
            {"name": "crm", "kind": "customers", "format": "generic-csv", "timeZone": "UTC", "schedule": "PT0.2S",
             "transport": {"type": "jdbc", "dataSource": "java:/jdbc/crm", "updatedAtColumn": "updated_at",
                           "query": "select * from customer where updated_at > :since order by updated_at"}}
            """;

    @TempDir
    Path temp;
    Path landing;

    @BeforeEach
    void emptyCrm() throws Exception {
        CrmDatabase.reset();
        landing = temp.resolve("intake/crm");
    }

    @Test
    void theFirstFetchLandsEveryRowStreamedIntoOneCsvTheSourcesFormatReads() throws Exception {
        customers(1_200, "TIMESTAMP '2026-10-01 08:00:00' + n * INTERVAL '1 second'");

        try (Fetching fetching = Fetching.start(routes(CRM))) {
            fetching.awaitFirstFetch();

            IntakeBatch batch = readLanded(CRM);
            assertThat(batch.records()).hasSize(1_200);
            assertThat(batch.quarantined()).isEmpty();
            assertThat(batch.records().get(0)).isInstanceOfSatisfying(CustomerRecord.class, customer ->
                    assertThat(customer.externalId()).isEqualTo("C-1"));
            assertThat(fetching.status().rowsLanded()).isEqualTo(1_200);
            assertThat(fetching.status().filesLanded()).isEqualTo(1);
            assertThat(landing.resolve(".state/" + WatermarkStore.FILE)).content()
                    .contains("\"column\" : \"updated_at\"").contains("\"value\" : \"2026-10-01T08:20\"");
        }
    }

    @Test
    void laterFetchesLandOnlyTheRowsUpdatedSinceAndNothingWhenNothingChanged() throws Exception {
        customers(3, "TIMESTAMP '2026-10-01 08:00:00'");

        try (Fetching fetching = Fetching.start(routes(CRM))) {
            fetching.awaitFirstFetch();
            takeLanded();
            fetching.awaitFetches(2);
            assertThat(filesIn(landing)).as("nothing changed, nothing landed").isEmpty();

            execute("UPDATE customer SET region = 'south', updated_at = TIMESTAMP '2026-10-02 09:30:00.250' "
                    + "WHERE customer_id = 'C-2'",
                    "INSERT INTO customer SELECT 'C-4', 'one-year', 'south', 'low', DATE '2026-10-02', 'active', NULL, "
                    + "NULL, 120, 'web', true, true, TIMESTAMP '2026-10-02 10:00:00'");
            fetching.awaitFetches(1);

            assertThat(readLanded(CRM).records()).extracting(record -> ((CustomerRecord) record).externalId())
                    .containsExactly("C-2", "C-4");
            assertThat(fetching.status().rowsLanded()).isEqualTo(5);
        }
    }

    @Test
    void theWatermarkSurvivesARestart() throws Exception {
        customers(3, "TIMESTAMP '2026-10-01 08:00:00'");
        try (Fetching before = Fetching.start(routes(CRM))) {
            before.awaitFirstFetch();
        }
        takeLanded();

        try (Fetching after = Fetching.start(routes(CRM))) {
            after.awaitFirstFetch();
            assertThat(filesIn(landing)).isEmpty();

            execute("UPDATE customer SET updated_at = TIMESTAMP '2026-10-03 00:00:00' WHERE customer_id = 'C-3'");
            after.awaitFetches(1);

            assertThat(readLanded(CRM).records()).extracting(record -> ((CustomerRecord) record).externalId())
                    .containsExactly("C-3");
        }
    }

    @Test
    void aFetchWhoseFileCouldNotLandLeavesTheWatermarkSoTheRowsAreFetchedAgain() throws Exception {
        customers(3, "TIMESTAMP '2026-10-01 08:00:00'");
        Clock frozen = Clock.fixed(Instant.parse("2026-10-05T02:00:00Z"), ZoneOffset.UTC);
        // a folder where the landed file should go: the rename into place fails, as on a full disk
        Path blocker = Files.createDirectories(landing.resolve("crm-20261005T020000.000Z.csv/in-the-way"));

        try (Fetching failing = Fetching.start(routes(CRM, frozen))) {
            failing.awaitFirstFetch();
            assertThat(failing.status().healthy()).isFalse();
            assertThat(Files.readString(onlyNote(landing, "crm"))).contains("attempts: 3");
        }
        assertThat(landing.resolve(".state/" + WatermarkStore.FILE)).doesNotExist();
        Files.delete(blocker);
        Files.delete(blocker.getParent());

        try (Fetching recovered = Fetching.start(routes(CRM))) {
            recovered.awaitFirstFetch();

            assertThat(readLanded(CRM).records()).hasSize(3);
        }
    }

    @Test
    void aNumericWatermarkStartsFromTheDefinitionsInitialSince() throws Exception {
        String queues = """
                {"name": "queues", "kind": "calls", "format": "generic-csv", "timeZone": "UTC", "schedule": "PT0.2S",
                 "transport": {"type": "jdbc", "dataSource": "java:/jdbc/crm", "updatedAtColumn": "date_time",
                               "initialSince": "1543527289",
                               "query": "select * from queue_log where date_time > :since order by uid"}}
                """;
        execute("INSERT INTO queue_log VALUES (1, 1543527289, 'NONE', 'NONE', 'QUEUESTART'), "
                + "(2, 1543539428, '1543539428.5', 'support', 'ENTERQUEUE'), "
                + "(3, 1543539431, '1543539428.5', 'support', 'CONNECT')");
        landing = temp.resolve("intake/queues");

        try (Fetching fetching = Fetching.start(routes(queues))) {
            fetching.awaitFirstFetch();

            List<String> landed = filesIn(landing);
            assertThat(landed).singleElement().satisfies(name -> assertThat(name).startsWith("queues-").endsWith(".csv"));
            assertThat(landing.resolve(landed.get(0))).hasContent("""
                    uid,date_time,callid,queue_name,event\r
                    2,1543539428,1543539428.5,support,ENTERQUEUE\r
                    3,1543539431,1543539428.5,support,CONNECT\r
                    """);
            assertThat(landing.resolve(".state/" + WatermarkStore.FILE)).content()
                    .contains("\"kind\" : \"NUMBER\"").contains("\"value\" : \"1543539431\"");
        }
    }

    @Test
    void aDatabaseThatIsDownIsRetriedThenGivenUpAndTheWatermarkIsKept() throws Exception {
        PGSimpleDataSource down = new PGSimpleDataSource();
        try (ServerSocket socket = new ServerSocket(0)) {
            down.setServerNames(new String[] {"127.0.0.1"});
            down.setPortNumbers(new int[] {socket.getLocalPort()});
        }
        down.setUser("postgres");

        try (Fetching fetching = Fetching.start(routes(CRM, Clock.systemUTC(), down))) {
            fetching.awaitFirstFetch();

            String note = Files.readString(onlyNote(landing, "crm"));
            assertThat(note).contains("source: crm").contains("endpoint: jdbc data source java:/jdbc/crm")
                    .contains("attempts: 3").containsIgnoringCase("refused");
            assertThat(fetching.status().lastError()).containsIgnoringCase("refused");
            assertThat(filesIn(landing)).isEmpty();
        }
    }

    @Test
    void aQueryWithoutTheWatermarkColumnIsGivenUpAtOnce() throws Exception {
        customers(1, "TIMESTAMP '2026-10-01 08:00:00'");
        String noColumn = CRM.replace("select *", "select customer_id, segment").replace(
                "order by updated_at", "order by customer_id");

        try (Fetching fetching = Fetching.start(routes(noColumn))) {
            fetching.awaitFirstFetch();

            assertThat(Files.readString(onlyNote(landing, "crm"))).contains("attempts: 1")
                    .contains("the query returns no column 'updated_at' (transport.updatedAtColumn); "
                            + "it returns customer_id, segment");
            assertThat(filesIn(landing)).isEmpty();
        }
    }

    @Test
    void theQueryRunsInAReadOnlyTransactionSoAFunctionThatWritesFailsAndWritesNothing() throws Exception {
        customers(2, "TIMESTAMP '2026-10-01 08:00:00'");
        execute("DROP TABLE IF EXISTS touched", "CREATE TABLE touched (at timestamp)",
                "CREATE OR REPLACE FUNCTION touch() RETURNS int LANGUAGE plpgsql AS "
                        + "$$ BEGIN INSERT INTO touched VALUES (now()); RETURN 1; END $$");
        String writing = CRM.replace("select *", "select *, touch() as touched");

        try (Fetching fetching = Fetching.start(routes(writing))) {
            fetching.awaitFirstFetch();

            assertThat(Files.readString(onlyNote(landing, "crm"))).containsIgnoringCase("read-only transaction");
            assertThat(count("touched")).as("rows the query wrote").isZero();
            assertThat(filesIn(landing)).isEmpty();
        }
    }

    @Test
    void aQueryRunningLongerThanItsTimeoutIsCancelled() throws Exception {
        customers(1, "TIMESTAMP '2026-10-01 08:00:00'");
        String slow = CRM.replace("select *", "select *, pg_sleep(600) as slept")
                .replace("\"updatedAtColumn\"", "\"timeout\": \"PT1S\", \"updatedAtColumn\"");

        try (Fetching fetching = Fetching.start(routes(slow))) {
            fetching.awaitFirstFetch();

            assertThat(Files.readString(onlyNote(landing, "crm"))).containsIgnoringCase("cancel");
            assertThat(filesIn(landing)).isEmpty();
        }
    }

    /** A definition made without the parser (as no production code does) is checked again where it would run. */
    @Test
    void aQueryThatIsNotOneSelectIsRefusedWhereItWouldRunToo() throws Exception {
        customers(1, "TIMESTAMP '2026-10-01 08:00:00'");

        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of()),
                name -> Optional.of(CrmDatabase.dataSource()), TestSources.boundaries(), quickSettings());
        DefinitionException refused = catchThrowableOfType(DefinitionException.class, () -> transports.fetchRoutes(
                new SourceDefinition("crm", SourceKind.CUSTOMERS,
                        new Transport.Jdbc("java:/jdbc/crm",
                                "select * from customer; drop table customer", null, "0", Duration.ofSeconds(5)),
                        null, "generic-csv", Map.of(), Map.of(), ZoneOffset.UTC,
                        StandardCharsets.UTF_8, CustomerMatch.CUSTOMER_ID,
                        null, Map.of(), null, temp.resolve("crm.json")), landing));

        assertThat(refused.field()).isEqualTo("transport.query");
        assertThat(count("customer")).as("customers left").isEqualTo(1);
    }

    private static long count(String table) throws SQLException {
        try (Connection connection = CrmDatabase.dataSource().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void aDataSourceThatIsNotBoundIsNamedWithTheSource() {
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of()), name -> Optional.empty(),
                TestSources.boundaries(), quickSettings());

        DefinitionException problem = catchThrowableOfType(DefinitionException.class,
                () -> transports.fetchRoutes(TestSources.definition(CRM), landing));

        assertThat(problem.field()).isEqualTo("transport.dataSource");
        assertThat(problem).hasMessage("source 'crm' names the data source 'java:/jdbc/crm', which is not bound "
                + "in the server");
    }

    private FetchRoutes routes(String definition) throws DefinitionException {
        return routes(definition, Clock.systemUTC());
    }

    private FetchRoutes routes(String definition, Clock clock) throws DefinitionException {
        return routes(definition, clock, CrmDatabase.dataSource());
    }

    private FetchRoutes routes(String definition, Clock clock, DataSource dataSource) throws DefinitionException {
        SourceTransports transports = new SourceTransports(CredentialResolver.of(Map.of()),
                name -> "java:/jdbc/crm".equals(name) ? Optional.of(dataSource) : Optional.empty(),
                TestSources.boundaries(), quickSettings(), clock);
        return transports.fetchRoutes(TestSources.definition(definition), landing).orElseThrow();
    }

    /** The one landed file, read by the source's own format as the file drop would. */
    private IntakeBatch readLanded(String definition) throws IOException {
        SourceDefinition source = TestSources.definition(definition);
        List<String> landed = filesIn(landing);
        assertThat(landed).singleElement().satisfies(name -> assertThat(name).startsWith("crm-").endsWith(".csv"));
        try (InputStream content = Files.newInputStream(landing.resolve(landed.get(0)))) {
            return TestSources.format(source, CustomerDirectory.NONE).read(landed.get(0), content);
        }
    }

    /** What the file drop does with a landed file: takes it away. */
    private void takeLanded() throws IOException {
        for (String name : filesIn(landing)) {
            Files.delete(landing.resolve(name));
        }
    }
}
