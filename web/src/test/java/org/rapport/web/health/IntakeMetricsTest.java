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
    void withNoFileInHandHereTheStagingTheLedgerAndTheRunsDecide() {
        deliveries.onDelivery(new DeliveryInProgress("bank-ivr", SourceKind.CALLS, "bank.tsv", Phase.STORING, false));
        deliveries.onDelivery(new DeliveryInProgress("bank-ivr", SourceKind.CALLS, "bank.tsv", Phase.STORING, true));
        metrics.intake = ledger(false, List.of());
        metrics.runs = runsWorking(false);
        assertThat(metrics.storeBusy()).as("nothing in hand, nothing staged or half stored, no run").isFalse();

        metrics.intake = ledger(true, List.of());
        assertThat(metrics.storeBusy()).as("a file in the staging (another node's, its batch not yet open)").isTrue();

        metrics.intake = ledger(false, List.of("bank-ivr bank.tsv"));
        assertThat(metrics.storeBusy()).as("a batch left half stored (another node, or a stopped process)").isTrue();

        metrics.intake = ledger(false, List.of());
        metrics.runs = runsWorking(true);
        assertThat(metrics.storeBusy()).as("a run working").isTrue();
    }

    /** The ledger's answers about files in hand, without a database. */
    private static IntakeCatalog ledger(boolean staged, List<String> beingStored) {
        return new IntakeCatalog() {
            @Override
            public boolean anyFileStaged() {
                return staged;
            }

            @Override
            public List<String> filesBeingStored() {
                return beingStored;
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
