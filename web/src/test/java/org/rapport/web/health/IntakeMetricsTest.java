package org.rapport.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.DeliveryInProgress;
import org.rapport.engine.intake.DeliveryInProgress.Phase;
import org.rapport.engine.intake.IntakeCatalog;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.IntakeActivity;
import org.rapport.engine.run.RunCatalog;

/**
 * When the metrics may count the records held again: never while a file is in hand, even in the moment between two
 * files when the ledger shows none being stored. The ledger and the runs are not asked then (absent in the first two
 * cases: a question to either would fail the test).
 */
class IntakeMetricsTest {

    private final IntakeActivity deliveries = new IntakeActivity();
    private final IntakeMetrics metrics = new IntakeMetrics();

    IntakeMetricsTest() {
        metrics.deliveries = deliveries;
    }

    @Test
    void aFileWaitingItsTurnKeepsTheRecordsHeldAsLastCounted() {
        deliveries.onDelivery(new DeliveryInProgress("pbx-cdr", SourceKind.CALLS, "Master.csv", Phase.WAITING, false));

        assertThat(metrics.storeBusy()).isTrue();
    }

    @Test
    void aFileBeingStoredKeepsTheRecordsHeldAsLastCounted() {
        deliveries.onDelivery(new DeliveryInProgress("bank-ivr", SourceKind.CALLS, "bank.tsv", Phase.STORING, false));

        assertThat(metrics.storeBusy()).isTrue();
    }

    @Test
    void withNoFileInHandTheLedgerAndTheRunsDecide() {
        deliveries.onDelivery(new DeliveryInProgress("bank-ivr", SourceKind.CALLS, "bank.tsv", Phase.STORING, false));
        deliveries.onDelivery(new DeliveryInProgress("bank-ivr", SourceKind.CALLS, "bank.tsv", Phase.STORING, true));
        metrics.intake = ledgerStoring(List.of());
        metrics.runs = runsWorking(false);
        assertThat(metrics.storeBusy()).as("nothing in hand, nothing half stored, no run").isFalse();

        metrics.intake = ledgerStoring(List.of("bank-ivr bank.tsv"));
        assertThat(metrics.storeBusy()).as("a batch left half stored (another node, or a stopped process)").isTrue();

        metrics.intake = ledgerStoring(List.of());
        metrics.runs = runsWorking(true);
        assertThat(metrics.storeBusy()).as("a run working").isTrue();
    }

    /** The ledger's answer about batches being stored, without a database. */
    private static IntakeCatalog ledgerStoring(List<String> files) {
        return new IntakeCatalog() {
            @Override
            public List<String> filesBeingStored() {
                return files;
            }
        };
    }

    private static RunCatalog runsWorking(boolean working) {
        return new RunCatalog() {
            @Override
            public boolean anyWorking() {
                return working;
            }
        };
    }
}
