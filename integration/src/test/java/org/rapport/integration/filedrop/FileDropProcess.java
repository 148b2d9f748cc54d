package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.integration.support.StoreOnDisk;

/**
 * The file-drop intake as a process of its own, for {@link CrashMidFileTest}: the production routes and
 * intake on H2 in a file, reporting on standard output how far it got. Arguments: the intake folder, the
 * database, and optionally a row count at which the reading that writes the file (its second: the first checks it)
 * holds, how many of its rows must be committed by then, and the rows written a transaction (100,000 unless given):
 * once they are, it reports {@code PARTWAY} and holds (waiting on standard input) until it is killed.
 */
public final class FileDropProcess {

    private static final int REPORT_EVERY = 1000;

    private FileDropProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path intakeDir = Path.of(args[0]);
        long holdAt = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        long committedAtHold = args.length > 3 ? Long.parseLong(args[3]) : 0;
        int rowsPerCommit = args.length > 4 ? Integer.parseInt(args[4]) : 100_000;
        StoreOnDisk store = StoreOnDisk.open(Path.of(args[1]));
        TransactionalIntake real = new TransactionalIntake(store, Clock.systemUTC(), null, FileDropProcess::daemon,
                rowsPerCommit);
        Hold hold = new Hold(holdAt, () -> rowsCommitted(store) >= committedAtHold && writtenToDisk(store));
        FileDropSettings settings = new FileDropSettings(intakeDir, Duration.ofMillis(50), Duration.ofMillis(100), 0,
                Duration.ofMillis(10));
        FileDropIntake fileDrop = FileDropIntake.start(settings, Optional.empty(), IntakeFolder.canonical(),
                new ReportingIntake(real, hold));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fileDrop.close();
            store.close();
        }));
        report("STARTED");
        // The routes run on Camel's threads until the process is stopped or killed.
        Thread.currentThread().join();
    }

    private static Thread daemon(Runnable work) {
        Thread thread = new Thread(work, "intake-read-ahead");
        thread.setDaemon(true);
        return thread;
    }

    static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The rows of the file being stored that its batch holds, committed. */
    private static long rowsCommitted(StoreOnDisk store) {
        return store.inNewTransaction(entityManager -> ((Number) entityManager.createNativeQuery(
                "select coalesce(max(rows_committed), 0) from source_batch where status = 'BEING_STORED'")
                .getSingleResult()).longValue());
    }

    /**
     * Has H2 write what others see committed to its file: H2 shows a transaction's rows to other transactions as
     * soon as its commit begins, before the commit has returned and reached the file, so a kill right after the poll
     * saw a chunk could still lose it (seen once); the test wants to know how many chunks its kill leaves.
     */
    private static boolean writtenToDisk(StoreOnDisk store) {
        store.inNewTransaction(entityManager -> entityManager.createNativeQuery("checkpoint").executeUpdate());
        return true;
    }

    /** Where the writing reading holds: at a row, once a condition on the database holds. */
    private record Hold(long atRow, BooleanSupplier committed) {

        void awaitCommitted() {
            while (!committed.getAsBoolean()) {
                // the writer commits the chunks read before the hold on its own thread: look again shortly
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
    }

    /** The real intake, with every row counted on its way in. */
    private static final class ReportingIntake extends ForwardingIntake {
        private final Hold hold;

        ReportingIntake(TransactionalIntake real, Hold hold) {
            super(real);
            this.hold = hold;
        }

        @Override
        public IntakeReceipt store(Delivery delivery) {
            AtomicInteger readings = new AtomicInteger();
            Delivery counted = new Delivery(delivery.kind(), delivery.source(), delivery.fileName(),
                    delivery.checksum(), delivery.keptAs(),
                    sink -> delivery.content().readInto(new CountingSink(sink, delivery.fileName(),
                            readings.incrementAndGet() == 2 ? hold : null)));
            IntakeReceipt receipt = super.store(counted);
            report("STORED " + delivery.fileName() + " " + receipt.status() + " " + receipt.rowsAccepted());
            return receipt;
        }
    }

    /** Counts the rows the store has taken; at the hold's row waits for its condition, says so and waits to be killed. */
    private static final class CountingSink implements RecordSink {
        private final RecordSink store;
        private final String fileName;
        private final Hold hold;
        private long rows;

        /** @param hold null: no hold in this reading */
        CountingSink(RecordSink store, String fileName, Hold hold) {
            this.store = store;
            this.fileName = fileName;
            this.hold = hold;
        }

        @Override
        public void record(CanonicalRecord record) {
            store.record(record);
            rows++;
            if (rows % REPORT_EVERY == 0) {
                report("ROWS " + fileName + " " + rows);
            }
            if (hold != null && rows == hold.atRow()) {
                hold.awaitCommitted();
                report("PARTWAY " + fileName + " " + rows);
                holdUntilKilled();
            }
        }

        @Override
        public void quarantine(QuarantinedRow row) {
            store.quarantine(row);
        }

        private static void holdUntilKilled() {
            try {
                // the test never writes: this returns only if its end of the pipe goes away
                System.in.read();
            } catch (IOException e) {
                // the test went away: carry on
            }
        }
    }
}
