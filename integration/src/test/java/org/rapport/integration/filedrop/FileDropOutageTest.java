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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.engine.testing.StoppablePostgres;
import org.rapport.integration.support.RecordedLog;

/**
 * The issue-15 outage for real: PostgreSQL stopped (fast shutdown) while a large calls file is being stored,
 * and started again a little later. The file waits in its inbox, and once the database is back it is
 * stored exactly once, every row; nothing lands in {@code .failed/}.
 */
class FileDropOutageTest {

    private static final int CALLS = 20_000;
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String HEADER = "call_id,customer_id,started_at,ivr_seconds,queue_seconds,talk_seconds,"
            + "outcome,wanted_agent,transfers,times_reidentified,agent_saw_history,channel\n";

    @TempDir
    Path root;

    private StoppablePostgres postgres;
    private ResourceLocalStore store;
    private FileDropIntake fileDrop;

    @AfterEach
    void stop() {
        if (fileDrop != null) {
            fileDrop.close();
        }
        if (store != null) {
            store.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theDatabaseStoppedMidFileAndStartedAgainLeavesTheFileStoredOnceWithEveryRowAndNothingFailed()
            throws Exception {
        postgres = StoppablePostgres.start(root.resolve("pgdata"));
        store = ResourceLocalStore.freshSchema(postgres.dataSource());
        AtomicInteger storesBegun = new AtomicInteger();
        CountDownLatch halfRead = new CountDownLatch(1);
        CountDownLatch databaseStopped = new CountDownLatch(1);
        ForwardingIntake intake = new ForwardingIntake(new TransactionalIntake(store, Clock.systemUTC())) {
            @Override
            public IntakeReceipt store(Delivery delivery) {
                storesBegun.incrementAndGet();
                return super.store(pausedAfter(CALLS / 2, delivery, halfRead, databaseStopped));
            }
        };
        Path intakeDir = root.resolve("intake");
        fileDrop = FileDropIntake.start(new FileDropSettings(intakeDir, Duration.ofMillis(50), Duration.ofMillis(200),
                2, Duration.ofMillis(100), Duration.ofHours(1), Duration.ofSeconds(1)), Optional.empty(),
                IntakeFolder.canonical(), intake);

        RecordedLog intakeLog = new RecordedLog("org.rapport.engine.intake");
        writeCalls(intakeDir.resolve("calls/calls-2026-10.csv"));
        // mid-file for certain: the first half read and handed on, the rest read once the database is gone
        awaitUntil("the file to be half read", WAIT, () -> halfRead.getCount() == 0);
        assertThat(storesBegun).hasValue(1);
        postgres.stop();
        databaseStopped.countDown();
        awaitUntil("the file to have waited through two more attempts", WAIT, () -> fileDrop.waitingFiles()
                .of("file-drop/calls").filter(waiting -> waiting.attempts() >= 2).isPresent());
        assertThat(filesIn(intakeDir.resolve("calls"))).contains("calls-2026-10.csv");
        assertThat(filesIn(intakeDir.resolve("calls/.failed"))).isEmpty();
        postgres.start();

        awaitUntil("the file to be stored", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.done")).contains("calls-2026-10.csv"));
        assertThat(batches()).singleElement().satisfies(batch -> {
            assertThat(batch.fileName()).isEqualTo("calls-2026-10.csv");
            assertThat(batch.status()).isEqualTo("ACCEPTED");
            assertThat(batch.rowsAccepted()).isEqualTo(CALLS);
        });
        assertThat(count("select count(c) from Call c")).as("rows stored").isEqualTo(CALLS);
        assertThat(count("select count(distinct c.callRef) from Call c")).as("each call once").isEqualTo(CALLS);
        assertThat(filesIn(intakeDir.resolve("calls/.failed"))).isEmpty();
        assertThat(fileDrop.waitingFiles().all()).isEmpty();
        intakeLog.close();
        assertThat(intakeLog.messagesWithTraces()).as("the intake's lines about the outage, one each").isEmpty();
    }

    @Test
    void aDatabaseThatComesBackReadOnlyHasTheFileWaitWithTheFixAndNothingHalfWritten() throws Exception {
        postgres = StoppablePostgres.start(root.resolve("pgdata"));
        store = ResourceLocalStore.freshSchema(postgres.dataSource());
        execute("alter database postgres set default_transaction_read_only = on");
        Path intakeDir = root.resolve("intake");
        fileDrop = FileDropIntake.start(new FileDropSettings(intakeDir, Duration.ofMillis(50), Duration.ofMillis(200),
                2, Duration.ofMillis(100), Duration.ofHours(1), Duration.ofSeconds(1)), Optional.empty(),
                IntakeFolder.canonical(), new TransactionalIntake(store, Clock.systemUTC()));

        writeCalls(intakeDir.resolve("calls/calls-2026-10.csv"));
        awaitUntil("the file to wait for a writable database", WAIT, () -> fileDrop.waitingFiles()
                .of("file-drop/calls").filter(waiting -> waiting.attempts() >= 2).isPresent());

        assertThat(fileDrop.waitingFiles().of("file-drop/calls")).hasValueSatisfying(waiting -> {
            assertThat(waiting.reason()).isEqualTo("the database is read-only");
            assertThat(waiting.operatorFix()).startsWith("point RAPPORT_DB_URL at the primary (writable) database");
        });
        assertThat(filesIn(intakeDir.resolve("calls/.failed"))).isEmpty();
        assertThat(count("select count(c) from Call c")).as("nothing half-written").isZero();
        execute("set default_transaction_read_only = off", "alter database postgres reset default_transaction_read_only");

        awaitUntil("the file to be stored once the database takes writes", WAIT,
                () -> filesIn(intakeDir.resolve("calls/.done")).contains("calls-2026-10.csv"));
        assertThat(count("select count(c) from Call c")).isEqualTo(CALLS);
        assertThat(batches()).singleElement().extracting(BatchEntry::status).isEqualTo("ACCEPTED");
    }

    private void execute(String... sql) throws SQLException {
        try (Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Whether an insert of the file's rows is going on in the database (seen from another connection). */
    /**
     * The delivery, its reading held after {@code rows} rows (the first time only) until {@code resume} is let go,
     * {@code paused} let go meanwhile.
     */
    private static Delivery pausedAfter(int rows, Delivery delivery, CountDownLatch paused, CountDownLatch resume) {
        return new Delivery(delivery.kind(), delivery.source(), delivery.fileName(), delivery.checksum(),
                delivery.keptAs(), sink -> delivery.content().readInto(new RecordSink() {
                    private int read;

                    @Override
                    public void record(CanonicalRecord record) {
                        if (++read == rows + 1 && paused.getCount() > 0) {
                            paused.countDown();
                            try {
                                if (!resume.await(3, TimeUnit.MINUTES)) {
                                    throw new IllegalStateException("the test never stopped the database");
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                throw new IllegalStateException(e);
                            }
                        }
                        sink.record(record);
                    }

                    @Override
                    public void quarantine(QuarantinedRow row) {
                        sink.quarantine(row);
                    }
                }));
    }

    private long count(String query) {
        return store.<Long>inNewTransaction(entityManager -> entityManager.createQuery(query, Long.class)
                .getSingleResult());
    }

    private List<BatchEntry> batches() {
        return store.inNewTransaction(entityManager -> new IntakeCatalog(entityManager).batches(10));
    }

    /** Written under another name and renamed, as a careful source delivers: the route sees it whole. */
    private static void writeCalls(Path file) throws IOException {
        Path partial = file.resolveSibling("." + file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int call = 0; call < CALLS; call++) {
                out.write("K-" + call + ",C-" + call % 97 + ",2026-10-02T09:" + String.format("%02d", call % 60)
                        + ":00,30,60,200,answered,true,0,0,true,phone\n");
            }
        }
        Files.move(partial, file);
    }
}
