package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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
 * database, and optionally a row count at which to report {@code PARTWAY} and then hold (waiting on
 * standard input) with the file's transaction open, until it is killed.
 */
public final class FileDropProcess {

    private static final int REPORT_EVERY = 1000;

    private FileDropProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path intakeDir = Path.of(args[0]);
        long holdAt = args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE;
        StoreOnDisk store = StoreOnDisk.open(Path.of(args[1]));
        TransactionalIntake real = new TransactionalIntake(store, Clock.systemUTC());
        FileDropSettings settings = new FileDropSettings(intakeDir, Duration.ofMillis(50), Duration.ofMillis(100), 0,
                Duration.ofMillis(10));
        FileDropIntake fileDrop = FileDropIntake.start(settings, Optional.empty(), IntakeFolder.canonical(),
                new ReportingIntake(real, holdAt));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fileDrop.close();
            store.close();
        }));
        report("STARTED");
        // The routes run on Camel's threads until the process is stopped or killed.
        Thread.currentThread().join();
    }

    static synchronized void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** The real intake, with every row counted on its way in. */
    private static final class ReportingIntake extends ForwardingIntake {
        private final long holdAt;

        ReportingIntake(TransactionalIntake real, long holdAt) {
            super(real);
            this.holdAt = holdAt;
        }

        @Override
        public IntakeReceipt store(Delivery delivery) {
            Delivery counted = new Delivery(delivery.kind(), delivery.source(), delivery.fileName(),
                    delivery.checksum(), delivery.keptAs(),
                    sink -> delivery.content().readInto(new CountingSink(sink, delivery.fileName(), holdAt)));
            IntakeReceipt receipt = super.store(counted);
            report("STORED " + delivery.fileName() + " " + receipt.status() + " " + receipt.rowsAccepted());
            return receipt;
        }
    }

    /** Counts the rows the store has taken; at {@code holdAt} says so and waits to be killed. */
    private static final class CountingSink implements RecordSink {
        private final RecordSink store;
        private final String fileName;
        private final long holdAt;
        private long rows;

        CountingSink(RecordSink store, String fileName, long holdAt) {
            this.store = store;
            this.fileName = fileName;
            this.holdAt = holdAt;
        }

        @Override
        public void record(CanonicalRecord record) {
            store.record(record);
            rows++;
            if (rows % REPORT_EVERY == 0) {
                report("ROWS " + fileName + " " + rows);
            }
            if (rows == holdAt) {
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
