package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.QuarantineEntry;

class QuarantineViewTest {

    private static final Instant AT = Instant.parse("2026-11-02T06:00:00Z");

    @Test
    void theRefusalOfAFileIsSupersededByTheCorrectedFileOfTheSameNameStoredAfterIt() {
        List<BatchEntry> ledger = List.of(
                batch(12, "billing", "purchases-11.csv", "ACCEPTED"),
                batch(11, "billing", "purchases-10.csv", "ACCEPTED"),
                batch(10, "billing", "purchases-11.csv", "REJECTED"));

        List<QuarantineView> rows = QuarantineView.of(List.of(row(10, "purchases-11.csv")), ledger);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.batchStatus()).isEqualTo("REJECTED");
            assertThat(row.supersededBy()).isEqualTo(12L);
        });
    }

    @Test
    void aRefusalNoCorrectedFileFollowedStaysOpen() {
        List<BatchEntry> ledger = List.of(
                batch(12, "crm", "purchases-11.csv", "ACCEPTED"),
                batch(11, "billing", "purchases-11.csv", "REJECTED"),
                batch(10, "billing", "purchases-11.csv", "ACCEPTED"));

        assertThat(QuarantineView.of(List.of(row(11, "purchases-11.csv")), ledger))
                .singleElement().satisfies(row -> assertThat(row.supersededBy()).as("another source's file, or an earlier one").isNull());
    }

    @Test
    void aBadRowOfAStoredFileIsNotSupersededByAnything() {
        List<BatchEntry> ledger = List.of(
                batch(12, "billing", "purchases-11.csv", "ACCEPTED"),
                batch(10, "billing", "purchases-11.csv", "ACCEPTED"));

        assertThat(QuarantineView.of(List.of(row(10, "purchases-11.csv")), ledger))
                .singleElement().satisfies(row -> {
                    assertThat(row.batchStatus()).isEqualTo("ACCEPTED");
                    assertThat(row.supersededBy()).isNull();
                });
    }

    private static BatchEntry batch(long id, String source, String file, String status) {
        return new BatchEntry(id, "PURCHASES", source, file, "sha-" + id, AT, status, 0, 1, 0, null, null, null, null, null);
    }

    private static QuarantineEntry row(long batchId, String file) {
        return new QuarantineEntry(batchId * 100, batchId, "PURCHASES", "billing", file, AT, 1, "amount",
                "'lots' is not an amount", "C-2,2025-02-04,lots");
    }
}
