package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Additive sums grouped by slice keys, rolled up to the company and each breakdown. */
class SliceTotalsTest {

    @Test
    void countsOfAnotherQueryStandBesideTheGroupsSumsAndAGroupTheyMissCountsZero() {
        SliceTotals customers = new SliceTotals(2);
        customers.add("retail", "high", null, new Object[] {10L, 8L});
        customers.add("retail", "low", null, new Object[] {5L, 5L});
        customers.add(null, "low", null, new Object[] {2L, 1L});
        SliceTotals reached = new SliceTotals(1);
        reached.add("retail", "high", null, new Object[] {3L});
        reached.add(null, "low", null, new Object[] {1L});

        List<SlicedQuery.Slice> slices = customers.besides(reached)
                .slices(List.of(Breakdown.SEGMENT, Breakdown.VALUE_BAND), -1);

        assertThat(slices).extracting(SlicedQuery.Slice::dimension, slice -> List.of(slice.values()))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Measurement.OVERALL, List.of(17L, 14L, 4L)),
                        org.assertj.core.groups.Tuple.tuple("segment=retail", List.of(15L, 13L, 3L)),
                        org.assertj.core.groups.Tuple.tuple("value_band=high", List.of(10L, 8L, 3L)),
                        org.assertj.core.groups.Tuple.tuple("value_band=low", List.of(7L, 6L, 1L)));
    }
}
