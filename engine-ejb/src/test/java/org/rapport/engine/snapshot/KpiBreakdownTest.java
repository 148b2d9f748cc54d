package org.rapport.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class KpiBreakdownTest {

    @Test
    void aKpisLinesAreGroupedUnderTheBreakdownsTheCataloguePublishes() {
        List<KpiLine> lines = List.of(line("NPS", "overall", "20"), line("CSAT", "overall", "70"),
                line("NPS", "segment=business", "40"), line("NPS", "segment=retail", "10"),
                line("NPS", "channel=call", "-5"));

        KpiBreakdown nps = KpiBreakdown.of("NPS", lines).orElseThrow();

        assertThat(nps.overall().value()).isEqualByComparingTo("20");
        assertThat(nps.breakdowns()).containsOnlyKeys("segment", "value_band", "channel");
        assertThat(nps.breakdowns().get("segment")).extracting(KpiLine::dimension)
                .containsExactly("segment=business", "segment=retail");
        assertThat(nps.breakdowns().get("value_band")).as("no value band in the data this month").isEmpty();
        assertThat(nps.breakdowns().get("channel")).extracting(KpiLine::dimension).containsExactly("channel=call");
        assertThat(nps.breakdownNote()).contains("touchpoint");
    }

    @Test
    void aKpiTheRunDidNotStoreHasNoBreakdown() {
        assertThat(KpiBreakdown.of("CLOSED_LOOP", List.of(line("NPS", "overall", "20")))).isEmpty();
    }

    private static KpiLine line(String code, String dimension, String value) {
        return new KpiLine(code, code, "%", dimension, new BigDecimal(value), null, "NONE", null, 10, null);
    }
}
