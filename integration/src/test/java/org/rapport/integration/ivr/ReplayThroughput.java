package org.rapport.integration.ivr;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.DeliveredFile;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/**
 * A benchmark, not a test: stores a month benchmark's customers and its bank file into a fresh embedded PostgreSQL as
 * the file drop does, then replays the bank file's batch as the integration screen does (the kept file read again and
 * written a chunk per transaction in place of the batch, every call taken over) and prints both times. Argument: the
 * month's files, as {@code MonthBenchmark} writes them ({@code /tmp/month-bench/files-v2-100000-2026-2026-10}).
 */
public final class ReplayThroughput {

    private ReplayThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path month = Path.of(args[0]);
        IntakeFormat customers = TestSources.format("""
                {"name": "customers", "kind": "customers", "format": "canonical-csv", "timeZone": "UTC"}""");
        IntakeFormat bank = TestSources.format("""
                {"name": "bank-ivr", "kind": "calls", "format": "anonymous-bank", "charset": "US-ASCII",
                 "timeZone": "Europe/London"}""");
        Path customersFile = month.resolve("customers/customers-2026-10.csv");
        Path bankFile = month.resolve("bank-ivr/anonymous_bank_2026-10.tsv");
        try (ResourceLocalStore store = ResourceLocalStore.freshSchema(EmbeddedPostgresServer.newDatabase("replay"))) {
            TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
            intake.store(DeliveredFile.delivery(customers, customersFile, customersFile.getFileName().toString(),
                    null));
            long started = System.nanoTime();
            IntakeReceipt stored = intake.store(DeliveredFile.delivery(bank, bankFile,
                    bankFile.getFileName().toString(), null));
            report("stored", stored, started);
            started = System.nanoTime();
            IntakeReceipt replayed = intake.replay(stored.batchId(), DeliveredFile.delivery(bank, bankFile,
                    bankFile.getFileName().toString(), null));
            report("replayed", replayed, started);
        }
    }

    private static void report(String what, IntakeReceipt receipt, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "%s as batch %d (%s): %,d calls in %.1f s, %,.0f a second%n", what,
                receipt.batchId(), receipt.status(), receipt.rowsAccepted(), seconds, receipt.rowsAccepted() / seconds);
    }
}
