package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * One tile of the executive summary: a headline KPI with its target, last month, RAG and trend.
 *
 * @param code       catalogue code
 * @param name       what the board reads
 * @param unit       "score", "%", "min" or "£"
 * @param value      this month; null when there was no data or the KPI is not measured yet
 * @param target     null when the rules set none
 * @param previous   last month's value (from last month's latest published run), null when unknown
 * @param rag        GREEN, AMBER, RED or NONE
 * @param direction  which way is better, null when unknown
 * @param sampleSize observations behind the value
 * @param trend      twelve months, oldest first, ending with this month; a month without a value has a
 *                   null value rather than being left out
 */
public record HeadlineTile(String code, String name, String unit, BigDecimal value, BigDecimal target,
        BigDecimal previous, String rag, KpiDirection direction, long sampleSize, List<TrendPoint> trend) {

    public HeadlineTile {
        trend = List.copyOf(trend);
    }

    /** True when the tile has a figure for this month. */
    public boolean hasValue() {
        return value != null;
    }
}
