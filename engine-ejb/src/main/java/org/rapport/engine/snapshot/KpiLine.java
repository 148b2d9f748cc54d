package org.rapport.engine.snapshot;

import java.math.BigDecimal;

/**
 * One KPI as the pack shows it.
 *
 * @param code       catalogue code, e.g. "NPS"
 * @param name       e.g. "Net Promoter Score"
 * @param unit       e.g. "score", "%", "min", "£"
 * @param dimension  "overall" or e.g. "value_band=high"
 * @param value      null when the month had no data for it
 * @param target     null when the rules set none
 * @param rag        GREEN, AMBER, RED or NONE
 * @param previous   last month's value, null when unknown
 * @param sampleSize observations behind the value
 * @param noDataReason why there is no value, e.g. "no service cases in the month"; null when there is one (and in
 *                   snapshots archived before reasons were kept)
 */
public record KpiLine(String code, String name, String unit, String dimension, BigDecimal value, BigDecimal target,
        String rag, BigDecimal previous, long sampleSize, String noDataReason) {
}
