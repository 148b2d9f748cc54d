package org.rapport.integration.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.integration.DeliveredFile;
import org.rapport.integration.IntakeFormat;

/**
 * For the intake's benchmark {@code main}s: stores or replays a file as the file drop does (a hashing pass, then the
 * file streamed through its format into the intake) and prints its rows a second.
 */
public final class TimedStore {

    /** A month benchmark's customers file, canonical CSV. */
    private static final String CANONICAL_CUSTOMERS = """
            {"name": "customers", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC"}""";

    private TimedStore() {
    }

    /** Stores {@code file} as a delivery of {@code format}'s source and prints its rows a second. */
    public static IntakeReceipt store(TransactionalIntake intake, IntakeFormat format, Path file) throws IOException {
        long started = System.nanoTime();
        IntakeReceipt receipt = intake.store(DeliveredFile.delivery(format, file, file.getFileName().toString(),
                null));
        report(file.getFileName() + " stored", receipt, started);
        return receipt;
    }

    /**
     * Stores the customers of a month's files, as {@code MonthBenchmark} writes them, so that the files stored after
     * are matched against a company of the month's size, as in the server.
     */
    public static IntakeReceipt storeCustomers(TransactionalIntake intake, Path month) throws IOException {
        return store(intake, TestSources.format(CANONICAL_CUSTOMERS), month.resolve("customers/customers-2026-10.csv"));
    }

    /** Replays batch {@code batchId}, whose kept file is {@code file}, and prints its rows a second. */
    public static IntakeReceipt replay(TransactionalIntake intake, IntakeFormat format, Path file, long batchId)
            throws IOException {
        long started = System.nanoTime();
        IntakeReceipt receipt = intake.replay(batchId, DeliveredFile.delivery(format, file,
                file.getFileName().toString(), null));
        report(file.getFileName() + " replayed", receipt, started);
        return receipt;
    }

    private static void report(String what, IntakeReceipt receipt, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s as batch %d (%s): %,d rows in %.1f s, %,.0f a second%n", what,
                receipt.batchId(), receipt.status(), receipt.rowsAccepted(), seconds, receipt.rowsAccepted() / seconds);
    }
}
