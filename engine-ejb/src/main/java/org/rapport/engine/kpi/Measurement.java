package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One measured figure before the rules see it.
 *
 * @param code       catalogue code
 * @param dimension  "overall" or e.g. "value_band=high"
 * @param value      null when there was nothing to measure (no responses, no calls)
 * @param sampleSize the observations the value rests on
 */
public record Measurement(String code, String dimension, BigDecimal value, long sampleSize) {

    /** Figures are kept to two decimals: enough for the board, stable across databases. */
    static final int SCALE = 2;

    public static final String OVERALL = "overall";

    static Measurement overall(String code, BigDecimal value, long sampleSize) {
        return of(code, OVERALL, value, sampleSize);
    }

    /** A figure for {@code dimension}, kept to two decimals. */
    public static Measurement of(String code, String dimension, BigDecimal value, long sampleSize) {
        return new Measurement(code, dimension, value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP),
                sampleSize);
    }

    /** {@code part / whole × 100}, or null when {@code whole} is 0. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }
}
