package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.reports.Snapshots.kpi;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.engine.kpi.Breakdown;
import org.rapport.engine.snapshot.KpiLine;

/** The compact "KPIs by value band / segment" tables of Appendix A, before layout. */
class BreakdownMatrixTest {

    private final KpiFormatter formatter = new KpiFormatter();

    @Test
    @DisplayName("value bands read best customers first, whatever order and case the CRM stored them in")
    void bandsBestFirst() {
        BreakdownMatrix matrix = BreakdownMatrix.of(Breakdown.VALUE_BAND, List.of(
                nps("overall", "20", 900),
                nps("value_band=LOW", "5", 300),
                nps("value_band=unknown", "0", 40),
                nps("value_band=high", "40", 300),
                nps("value_band=Medium", "22", 260)), formatter);

        assertThat(matrix.columns()).containsExactly("High", "Medium", "Low", "Unknown");
        assertThat(matrix.rows()).filteredOn(row -> row.kpi().equals("Net Promoter Score")).singleElement()
                .satisfies(row -> {
                    assertThat(row.overall()).isEqualTo("20.0");
                    assertThat(row.cells()).containsExactly("40.0", "22.0", "5.0", "0.0");
                });
        assertThat(matrix.note()).isNull();
    }

    @Test
    @DisplayName("a slice with fewer than 30 observations is starred and the note says why; a missing one is no data")
    void smallSamples() {
        BreakdownMatrix matrix = BreakdownMatrix.of(Breakdown.VALUE_BAND, List.of(
                nps("value_band=high", "40", 29),
                nps("value_band=medium", "22", 30),
                kpi("CHURN_RATE", "Churn rate", "%", "value_band=low", null, null, "NONE", null, 0)), formatter);

        assertThat(row(matrix, "Net Promoter Score").cells()).containsExactly("40.0*", "22.0", "no data");
        assertThat(row(matrix, "Churn rate").cells()).containsExactly("no data", "no data", "no data");
        assertThat(row(matrix, "Churn rate").overall()).isEqualTo("no data");
        assertThat(matrix.note()).isEqualTo("* fewer than 30 observations: read with care.");
    }

    @Test
    @DisplayName("with more segments than fit, the five with the most observations are shown and the others named")
    void tooManySegments() {
        List<KpiLine> kpis = new ArrayList<>();
        String[] segments = {"business", "consumer", "micro", "one-year", "public-sector", "two-year", "month-to-month"};
        long[] answers = {500, 900, 40, 600, 35, 450, 1_200};
        for (int i = 0; i < segments.length; i++) {
            kpis.add(nps("segment=" + segments[i], String.valueOf(i), answers[i]));
        }

        BreakdownMatrix matrix = BreakdownMatrix.of(Breakdown.SEGMENT, kpis, formatter);

        assertThat(matrix.columns()).containsExactly("Business", "Consumer", "Month-to-month", "One-year", "Two-year");
        assertThat(matrix.note()).isEqualTo("Not shown for lack of room: Micro, Public-sector (the segments with the"
                + " fewest observations); every slice is in the API, GET /api/runs/{id}/kpis/{code}/breakdowns.");
    }

    @Test
    @DisplayName("a KPI gets a row for a breakdown the catalogue measures it by, or that the run stored, and no other")
    void rowsFollowTheCatalogue() {
        BreakdownMatrix matrix = BreakdownMatrix.of(Breakdown.CHANNEL, List.of(
                nps("channel=phone", "10", 400),
                kpi("CHURN_RATE", "Churn rate", "%", "overall", "1.5", null, "NONE", null, 1_000)), formatter);

        // churn and survey reach are not measured by channel: leaving and being heard are not contacts
        assertThat(matrix.rows()).extracting(BreakdownMatrix.Row::kpi)
                .contains("Net Promoter Score", "Time to reach a human (P90)", "First-contact resolution")
                .doesNotContain("Churn rate", "Survey reach", "Engagement index");
    }

    @Test
    @DisplayName("a run without slices has an empty table, for the pack to say so")
    void noSlices() {
        BreakdownMatrix matrix = BreakdownMatrix.of(Breakdown.SEGMENT, List.of(nps("overall", "20", 900)), formatter);

        assertThat(matrix.isEmpty()).isTrue();
        assertThat(matrix.rows()).isEmpty();
    }

    private static BreakdownMatrix.Row row(BreakdownMatrix matrix, String kpi) {
        return matrix.rows().stream().filter(row -> row.kpi().equals(kpi)).findFirst().orElseThrow();
    }

    private static KpiLine nps(String dimension, String value, long answers) {
        return kpi("NPS", "Net Promoter Score", "score", dimension, value, "30", "NONE", null, answers);
    }
}
