package org.rapport.integration.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.filedrop.DroppedFiles.awaitUntil;
import static org.rapport.integration.filedrop.DroppedFiles.filesIn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed in the middle of storing a big file leaves its batch being stored with the chunks it committed,
 * and the file, still in the inbox, is stored exactly once when the intake starts again, going on from the first row
 * not committed. The intake runs in a JVM of its own on H2 in a file, as the embedded default does; this test kills
 * it for real, once two chunks are committed (of 10,000 rows here; 100,000 unless configured). The size can be raised
 * ({@code -Dcrash.calls=1000000 -Dcrash.rowsPerCommit=100000 -Dcrash.killedAfter=650000
 * -Dcrash.committedBeforeKill=600000 -Dcrash.waitSeconds=900}).
 */
class CrashMidFileTest {

    private static final int CALLS = Integer.getInteger("crash.calls", 25_000);
    private static final int ROWS_PER_COMMIT = Integer.getInteger("crash.rowsPerCommit", 10_000);
    /** Rows read into the file's writing when it is killed, and how many of them are committed by then. */
    private static final int KILLED_AFTER = Integer.getInteger("crash.killedAfter", 22_500);
    private static final int COMMITTED_BEFORE_KILL = Integer.getInteger("crash.committedBeforeKill", 20_000);
    private static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("crash.waitSeconds", 90));

    @TempDir
    Path dir;

    private IntakeProcess running;

    @AfterEach
    void killWhatIsLeft() throws InterruptedException {
        if (running != null) {
            running.kill();
        }
    }

    @Test
    void aCrashMidFileLeavesItsBatchBeingStoredAndTheFileIsStoredOnceOnRestartFromTheNextRow() throws Exception {
        Path intakeDir = dir.resolve("intake");
        Path database = dir.resolve("db/rapport");
        Path inbox = intakeDir.resolve("calls");
        writeCalls(inbox.resolve("calls-big.csv"), CALLS);

        running = IntakeProcess.start(intakeDir, database, dir.resolve("first.log"), String.valueOf(KILLED_AFTER),
                String.valueOf(COMMITTED_BEFORE_KILL), String.valueOf(ROWS_PER_COMMIT));
        running.awaitLine("PARTWAY calls-big.csv " + KILLED_AFTER, WAIT);
        running.kill();

        assertThat(rows(database, "select count(*) from call_record")).as("calls of the chunks committed")
                .containsExactly(String.valueOf(COMMITTED_BEFORE_KILL));
        assertThat(rows(database, "select status || ' ' || rows_accepted || ' ' || rows_committed from source_batch"))
                .as("the ledger: counting for nothing, the file's rows counted when it was checked")
                .containsExactly("BEING_STORED " + CALLS + " " + COMMITTED_BEFORE_KILL);
        assertThat(filesIn(inbox)).as("still in the inbox (beside Camel's read-lock marker, removed on restart)")
                .contains("calls-big.csv");

        running = IntakeProcess.start(intakeDir, database, dir.resolve("second.log"), String.valueOf(Long.MAX_VALUE),
                "0", String.valueOf(ROWS_PER_COMMIT));
        assertThat(running.awaitLine("STORED calls-big.csv", WAIT)).isEqualTo("STORED calls-big.csv ACCEPTED " + CALLS);
        assertThat(Files.readString(dir.resolve("second.log"))).as("taken up where the killed process got to")
                .contains("going on with batch", "from row " + (COMMITTED_BEFORE_KILL + 1));
        awaitUntil("the file to be moved to .done", WAIT,
                () -> filesIn(inbox.resolve(".done")).equals(List.of("calls-big.csv")));
        running.stop();
        running = null;

        assertThat(rows(database, "select count(*) from call_record")).containsExactly(String.valueOf(CALLS));
        assertThat(rows(database, "select name || ' ' || status || ' ' || rows_accepted || ' new ' || rows_new"
                + " || ' unchanged ' || rows_unchanged from source_batch"))
                .as("one batch, each call counted once: none read again as unchanged")
                .containsExactly("calls-big.csv ACCEPTED " + CALLS + " new " + CALLS + " unchanged 0");
        assertThat(filesIn(inbox)).as("nothing left behind, no lock marker either").isEmpty();
    }

    /** What a query finds in the database the process left, looked at with plain JDBC: one string per row. */
    private static List<String> rows(Path database, String query) throws SQLException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + database.toAbsolutePath());
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection("sa", "sa");
                ResultSet result = connection.createStatement().executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    /** A canonical calls file, written whole before any intake looks at the folder. */
    private static void writeCalls(Path file, int calls) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,outcome,wanted_agent,"
                    + "transfers,times_reidentified,agent_saw_history,channel\n");
            for (int call = 0; call < calls; call++) {
                out.write("K-" + call + ",C-" + call % 500 + ",2026-10-" + (10 + call % 20) + "T09:"
                        + String.format("%02d", call % 60) + ":00,30,60,200,answered,true,0,0,true,phone\n");
            }
        }
    }
}
