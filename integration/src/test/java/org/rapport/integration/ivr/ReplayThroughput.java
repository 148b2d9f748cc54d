package org.rapport.integration.ivr;

import java.nio.file.Path;
import java.time.Clock;

import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;
import org.rapport.integration.support.TimedStore;

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
        IntakeFormat bank = TestSources.format("""
                {"name": "bank-ivr", "kind": "calls", "format": "anonymous-bank", "charset": "US-ASCII",
                 "timeZone": "Europe/London"}""");
        Path bankFile = month.resolve("bank-ivr/anonymous_bank_2026-10.tsv");
        try (ResourceLocalStore store = ResourceLocalStore.freshSchema(EmbeddedPostgresServer.newDatabase("replay"))) {
            TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
            TimedStore.storeCustomers(intake, month);
            IntakeReceipt stored = TimedStore.store(intake, bank, bankFile);
            TimedStore.replay(intake, bank, bankFile, stored.batchId());
        }
    }
}
