package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.rapport.engine.testing.StoppablePostgres;

/**
 * Issue 15 on the real server: the bootable jar on a real PostgreSQL that the test stops (fast shutdown, as
 * {@code pg_ctl stop -m fast} or a fail-over does) and starts again, twice, while clients read the API all along.
 * <ol>
 * <li>Stopped while a large calls file is streaming into the database: the file waits in its inbox (never in
 * {@code .failed/}) and once the database is back it is stored exactly once, every row.
 * <li>Stopped while a run is in the middle of a step: the run waits, resumes and publishes once.
 * <li>Throughout, the readers' requests fail only while the database is down, and then with 503 and the reason
 * (never 500); each reader is answered again within seconds of the database's return, and the log grows by
 * lines, not by a stack trace per failed request.
 * </ol>
 * The run is caught mid-step without guessing at timing: the test holds a lock on the table the step writes its
 * figures to, so the step is certainly waiting inside its transaction when the database stops.
 */
class DatabaseOutageIT {

    private static final int CALLS = 120_000;
    private static final String FILE = "calls-2026-10.csv";
    private static final String MONTH = "2026-10";
    private static final Duration DEADLINE = Duration.ofMinutes(4);
    /** "Within seconds" of the database's return, with room for a busy shared machine. */
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    /** The "a few MB": the log of an outage that failed a stack trace per request grew by gigabytes. */
    private static final long LOG_GROWTH_LIMIT = 3L * 1024 * 1024;
    private static final List<String> READ_PATHS = List.of("api/runs", "api/intake/batches?limit=5",
            "api/intake/health", "api/audit?limit=5");
    private static final Pattern RUN_RETRIES = Pattern.compile(
            "rapport_infrastructure_retries(?:_total)?\\{[^}]*area=\"run\"[^}]*} ([0-9.E+]+)");

    private final Path root = Path.of(System.getProperty("rapport.it.outage.data.dir"));
    private final int portOffset = Integer.getInteger("rapport.it.outage.port.offset");
    /** When each outage began, when every reader had been answered again and when the database was back (nanoTime). */
    private final List<long[]> outages = new ArrayList<>();

    @Test
    void theDatabaseStoppedMidIntakeAndMidRunUnderReadsCostsNothing() throws Exception {
        Path dataDir = root.resolve("rapport");
        try (StoppablePostgres postgres = StoppablePostgres.start(root.resolve("pgdata"));
                BootableRapport server = BootableRapport.start(dataDir, portOffset, postgresSettings(postgres),
                        // the run under test is the one the test starts: no intake-triggered run of the month
                        List.of("-Drapport.run.quiet-period-seconds=86400"))) {
            ApiClient api = server.api();
            long logBefore = logSize(server.serverLog());
            try (ConcurrentReaders readers = ConcurrentReaders.start(server.api(), READ_PATHS)) {
                long reading = System.nanoTime();
                Poll.until(DEADLINE, () -> readers.allAnsweredSince(reading), answered -> answered);

                aLargeFileStoppedMidIntakeIsStoredOnceWithEveryRow(postgres, server, api, dataDir, readers);
                aRunStoppedMidStepResumesAndPublishesOnce(postgres, server, api, readers);

                report(readers.answers(), logSize(server.serverLog()) - logBefore);
                readersFailedOnlyDuringTheOutagesWith503AndAReason(readers.answers());
            }
            long growth = logSize(server.serverLog()) - logBefore;
            assertThat(growth).as("server.log growth over both outages, in bytes").isLessThan(LOG_GROWTH_LIMIT);
        }
    }

    private void aLargeFileStoppedMidIntakeIsStoredOnceWithEveryRow(StoppablePostgres postgres, BootableRapport server,
            ApiClient api, Path dataDir, ConcurrentReaders readers) throws Exception {
        Path inbox = Files.createDirectories(dataDir.resolve("intake/calls"));
        writeCalls(inbox.resolve(FILE));
        Poll.until(DEADLINE, () -> count(postgres.dataSource(), "select count(*) from pg_stat_activity"
                + " where pid <> pg_backend_pid() and state = 'active' and query ilike 'insert into call_record%'"),
                inserting -> inserting > 0);

        long stoppedAt = stop(postgres);
        Poll.until(DEADLINE, () -> waitingAttempts(api), attempts -> attempts >= 2);
        assertThat(filesIn(inbox)).contains(FILE);
        assertThat(filesIn(inbox.resolve(".failed"))).isEmpty();
        Poll.until(DEADLINE, () -> server.management("health/ready"),
                ready -> ready.statusCode() == 503 && ready.body().contains("DOWN"));
        Poll.until(DEADLINE, () -> readers.failedSince(stoppedAt), failed -> failed > 0);

        startAgain(postgres, readers, stoppedAt);
        Poll.until(DEADLINE, () -> filesIn(inbox.resolve(".done")), done -> done.contains(FILE));
        assertThat(filesIn(inbox.resolve(".failed"))).isEmpty();
        assertThat(filesIn(inbox)).doesNotContain(FILE);
        DataSource database = postgres.dataSource();
        assertThat(count(database, "select count(*) from source_batch where kind = 'CALLS'")).as("batches").isEqualTo(1);
        assertThat(count(database, "select rows_accepted from source_batch where kind = 'CALLS' and status = 'ACCEPTED'"
                + " and name = '" + FILE + "'")).as("rows accepted").isEqualTo(CALLS);
        assertThat(count(database, "select count(*) from call_record")).as("rows stored").isEqualTo(CALLS);
        assertThat(count(database, "select count(distinct call_ref) from call_record")).as("each call once")
                .isEqualTo(CALLS);
        Poll.until(DEADLINE, () -> server.management("health/ready"), ready -> ready.statusCode() == 200);
    }

    private void aRunStoppedMidStepResumesAndPublishesOnce(StoppablePostgres postgres, BootableRapport server,
            ApiClient api, ConcurrentReaders readers) throws Exception {
        long stoppedAt;
        long runId;
        double retriesBefore = runRetries(server);
        Connection lockHolder = postgres.dataSource().getConnection();
        try {
            lockHolder.setAutoCommit(false);
            try (Statement lock = lockHolder.createStatement()) {
                // writes to the figures wait; reads go on (EXCLUSIVE, not ACCESS EXCLUSIVE)
                lock.execute("lock table kpi_value in exclusive mode");
            }
            runId = startRun(api);
            Poll.until(DEADLINE, () -> count(postgres.dataSource(), "select count(*) from pg_stat_activity"
                    + " where wait_event_type = 'Lock' and query ilike '%kpi_value%'"), waiting -> waiting > 0);
            JsonObject midStep = runOf(api, runId);
            assertThat(midStep.getString("status")).isEqualTo("RUNNING");
            // the step under way is not visible from outside its transaction; the checkpoint is
            assertThat(midStep.getString("completedStep", null)).as("the last completed step").isIn(null, "CLOSE_INTAKE",
                    "MEASURE", "SCORE", "EVALUATE", "RENDER");

            stoppedAt = stop(postgres); // the lock holder's session ends with the rest
        } finally {
            closeQuietly(lockHolder);
        }
        Poll.until(DEADLINE, () -> runRetries(server), retries -> retries >= retriesBefore + 2);
        Poll.until(DEADLINE, () -> readers.failedSince(stoppedAt), failed -> failed > 0);

        startAgain(postgres, readers, stoppedAt);
        JsonObject published = Poll.until(DEADLINE, () -> runOf(api, runId),
                run -> !"RUNNING".equals(run.getString("status")));
        assertThat(published.getString("status")).as("never failed for an outage").isEqualTo("PUBLISHED");
        assertThat(published.get("failure")).as("failure").isIn(null, JsonValue.NULL);
        assertThat(api.json("api/runs").asJsonArray().getValuesAs(JsonObject.class))
                .filteredOn(run -> run.getString("month").equals(MONTH)).hasSize(1);
        assertThat(count(postgres.dataSource(), "select count(*) from board_pack")).as("packs").isEqualTo(1);
        assertThat(api.getBytes("api/runs/" + runId + "/pack").statusCode()).isEqualTo(200);
        List<JsonObject> kpis = api.json("api/runs/" + runId + "/kpis").asJsonArray().getValuesAs(JsonObject.class);
        assertThat(kpis).isNotEmpty();
        assertThat(kpis.stream().collect(Collectors.groupingBy(kpi -> kpi.getString("code") + "/"
                + kpi.getString("dimension"), Collectors.counting())))
                .as("each figure once").allSatisfy((figure, times) -> assertThat(times).as(figure).isEqualTo(1));
    }

    /**
     * Every failed answer was to a request that reached the server after the database stopped and was sent before
     * the readers were all answered again; each was 503 with a reason and a Retry-After.
     */
    private void readersFailedOnlyDuringTheOutagesWith503AndAReason(List<ConcurrentReaders.Answer> answers) {
        List<ConcurrentReaders.Answer> failed = answers.stream().filter(answer -> !answer.ok()).toList();
        assertThat(failed).as("failed answers").isNotEmpty().allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.path() + ": " + answer.body()).isEqualTo(503);
            JsonObject body = ApiClient.read(answer.body()).asJsonObject();
            assertThat(body.getString("error")).isEqualTo("database-unavailable");
            assertThat(body.getString("message")).contains("database");
            assertThat(answer.retryAfter()).isNotNull();
            assertThat(outages).as("an outage the answer fell in").anySatisfy(outage -> {
                assertThat(answer.receivedAt()).isGreaterThanOrEqualTo(outage[0]);
                assertThat(answer.sentAt()).isLessThan(outage[1]);
            });
        });
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(
                ConcurrentReaders.Answer::status, Collectors.counting()));
        assertThat(byStatus).as("answers by status").containsOnlyKeys(200, 503);
    }

    /** The figures, for the record (the test's verdict is the assertions'). */
    private void report(List<ConcurrentReaders.Answer> answers, long logGrowth) {
        System.out.printf("DatabaseOutageIT: %d answers by status %s; readers answered again %s ms after the database"
                + " was started; server.log grew by %,d bytes%n", answers.size(), answers.stream().collect(
                        Collectors.groupingBy(ConcurrentReaders.Answer::status, java.util.TreeMap::new,
                                Collectors.counting())),
                outages.stream().map(outage -> Long.toString((outage[1] - outage[2]) / 1_000_000)).toList(), logGrowth);
    }

    private long stop(StoppablePostgres postgres) {
        long stoppedAt = System.nanoTime();
        postgres.stop();
        return stoppedAt;
    }

    /** Starts the database again and waits until every reader has been answered again. */
    private void startAgain(StoppablePostgres postgres, ConcurrentReaders readers, long stoppedAt) {
        postgres.start();
        long back = System.nanoTime();
        Poll.until(RECOVERY, () -> readers.allAnsweredSince(back), recovered -> recovered);
        outages.add(new long[] {stoppedAt, System.nanoTime(), back});
    }

    private static Map<String, String> postgresSettings(StoppablePostgres postgres) {
        int port = ((PGSimpleDataSource) postgres.dataSource()).getPortNumbers()[0];
        return Map.of("RAPPORT_DB_DRIVER", "postgresql",
                "RAPPORT_DB_URL", "jdbc:postgresql://localhost:" + port + "/postgres",
                "RAPPORT_DB_USER", "postgres", "RAPPORT_DB_PASSWORD", "postgres");
    }

    /** The calls source's waiting file's attempts, as intake health shows them (0 when none waits). */
    private static int waitingAttempts(ApiClient api) throws Exception {
        return api.json("api/intake/health").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(source -> source.getString("source").equals("file-drop/calls"))
                .filter(source -> source.get("waiting") != null && source.get("waiting") != JsonValue.NULL)
                .map(source -> source.getJsonObject("waiting").getInt("attempts")).findFirst().orElse(0);
    }

    /** A run of the month: started on demand and, as the month's other sources never came, forced. */
    private static long startRun(ApiClient api) throws Exception {
        var started = api.post("api/runs?month=" + MONTH, "application/json", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonObject run = ApiClient.read(started.body()).asJsonObject();
        long runId = run.getJsonNumber("id").longValue();
        if (run.getString("status").equals("WAITING_FOR_DATA")) {
            var forced = api.post("api/runs/" + runId + "/force", "application/json", "");
            assertThat(forced.statusCode() / 100).as(forced.body()).isEqualTo(2);
        }
        return runId;
    }

    private static JsonObject runOf(ApiClient api, long runId) throws Exception {
        return api.json("api/runs/" + runId).asJsonObject();
    }

    private static double runRetries(BootableRapport server) throws Exception {
        Matcher retries = RUN_RETRIES.matcher(server.management("metrics").body());
        return retries.find() ? Double.parseDouble(retries.group(1)) : 0;
    }

    private static long count(DataSource database, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The server's log and its rotated copies together: a rotation in between does not hide growth. */
    private static long logSize(Path serverLog) throws IOException {
        try (Stream<Path> files = Files.list(serverLog.getParent())) {
            long total = 0;
            for (Path file : files.filter(file -> file.getFileName().toString().startsWith("server.log")).toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static List<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(Path::getFileName).map(Path::toString)
                    .filter(name -> !name.startsWith(".")).toList();
        }
    }

    /** Written under another name and renamed, as a careful source delivers: the intake sees it whole. */
    private static void writeCalls(Path file) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,outcome,wanted_agent,"
                    + "transfers,times_reidentified,agent_saw_history,channel\n");
            for (int call = 0; call < CALLS; call++) {
                out.write("K-" + call + ",C-" + call % 97 + ",2026-10-" + String.format("%02d", 1 + call % 28) + "T09:"
                        + String.format("%02d", call % 60) + ":00,30,60,200,answered,true,0,0,true,phone\n");
            }
        }
        Files.move(partial, file);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database it belonged to was stopped under it
        }
    }
}
