package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bars of the "percentage KPIs against target" chart. */
class ChartBarTest {

    @Test
    @DisplayName("only percentage KPIs with a value this month are charted, each value before its target")
    void percentKpisWithData() {
        List<ChartBar> bars = ChartBar.forPercentKpis(Snapshots.october2026().kpis());

        assertThat(bars).extracting(ChartBar::getSeries, ChartBar::getCategory, ChartBar::getValue).containsExactly(
                tuple("This month", "Customer satisfaction (CSAT)", new BigDecimal("82.5")),
                tuple("Target", "Customer satisfaction (CSAT)", new BigDecimal("85.0")),
                tuple("This month", "Repeat contact within 7 days", new BigDecimal("12.5")),
                tuple("Target", "Repeat contact within 7 days", new BigDecimal("10.0")),
                tuple("This month", "First-contact resolution", new BigDecimal("74.0")));
    }

    @Test
    @DisplayName("a KPI without data gets no bar, not a bar of zero")
    void noBarWithoutData() {
        assertThat(ChartBar.forPercentKpis(List.of(Snapshots.REACH_LOW_BAND))).isEmpty();
    }
}
