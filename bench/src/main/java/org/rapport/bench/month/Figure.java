package org.rapport.bench.month;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One KPI figure as Rapport publishes it: code, dimension ("overall", "segment=one-year"), value kept
 * to two decimals (null when there was nothing to measure) and the observations behind it.
 */
public record Figure(String code, String dimension, BigDecimal value, long sampleSize) {

    static final String OVERALL = "overall";

    /** The key two figures are matched on. */
    public String key() {
        return code + " " + dimension;
    }

    /** {@code part / whole × 100} to two decimals, half up, as Rapport's measures round it. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** A mean or other measured number to two decimals. */
    static BigDecimal number(Double value) {
        return value == null ? null : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** Seconds as minutes, as Rapport rounds them: to four decimals, then to the two it keeps. */
    static BigDecimal minutes(Double seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                        .setScale(2, RoundingMode.HALF_UP);
    }
}
