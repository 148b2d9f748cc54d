package org.rapport.rules.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a KPI figure is rounded wherever the board reads it: in the pack's tables and tiles and in the
 * evidence of the triggers the rules raise. One place, so one figure has one value throughout a pack:
 * money to whole pounds, everything else to one decimal place, halves away from zero. Grading and
 * triggers judge the unrounded figure; only what is shown is rounded. Thread-safe: no state.
 */
public final class Figures {

    /** The unit of KPIs measured in pounds. */
    public static final String POUNDS = "£";

    private Figures() {
    }

    /** {@code value} as the board reads it in {@code unit} ("%", "min", "score", "£"…); null stays null. */
    public static BigDecimal shown(BigDecimal value, String unit) {
        if (value == null) {
            return null;
        }
        int decimals = unit != null && POUNDS.equals(unit.strip()) ? 0 : 1;
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    /**
     * The shown figure as rule evidence quotes it: plain digits without a trailing ".0" or an exponent,
     * e.g. "2.6", "80", "4960". The pack prints the same number, with its unit and grouping.
     */
    public static String quoted(BigDecimal value, String unit) {
        BigDecimal shown = shown(value, unit);
        if (shown == null) {
            return "no data";
        }
        return shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
    }
}
