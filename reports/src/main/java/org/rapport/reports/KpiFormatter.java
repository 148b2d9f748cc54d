package org.rapport.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import org.rapport.rules.facts.Figures;

/**
 * Turns a KPI figure and its unit into the text the board reads, e.g. "31.4", "12.5 %", "8.2 min",
 * "£4,960". The number is the one {@link Figures} gives, the same the rules quote in a trigger's evidence: one
 * figure has one value throughout the pack.
 *
 * <p>Symbols are fixed to UK English rather than the server's default locale: the pack must read the
 * same whichever machine renders it, and a re-rendered month must not change "4,960" into "4.960".
 * A missing figure becomes {@value #NO_DATA}, never 0, because a month without observations is not
 * a month where the KPI was zero.
 */
final class KpiFormatter {

    static final String NO_DATA = "no data";

    private static final DecimalFormatSymbols UK = DecimalFormatSymbols.getInstance(Locale.UK);

    /** The figure as {@link Figures} rounds it for every place it appears, with its unit. */
    String format(BigDecimal value, String unit) {
        if (value == null) {
            return NO_DATA;
        }
        value = Figures.shown(value, unit);
        String normalisedUnit = unit == null ? "" : unit.strip();
        return switch (normalisedUnit) {
            // money is shown in whole pounds: pence are noise at board level
            case "£" -> decimal("£#,##0;-£#,##0").format(value);
            // a score (NPS, indices) carries no unit of its own
            case "score", "" -> oneDecimal(value);
            default -> oneDecimal(value) + " " + normalisedUnit;
        };
    }

    /**
     * A change against last month with its sign, e.g. "+8.0", "−2.0 min", "+6.0 pts" (a percentage KPI
     * moves in percentage points, not percent), "+£1,200".
     */
    String change(BigDecimal change, String unit) {
        if (change == null) {
            return NO_DATA;
        }
        String normalisedUnit = unit == null ? "" : unit.strip();
        change = Figures.shown(change, unit);
        String sign = change.signum() < 0 ? "−" : "+";
        BigDecimal size = change.abs();
        return switch (normalisedUnit) {
            case "£" -> sign + decimal("£#,##0").format(size);
            case "score", "" -> sign + oneDecimal(size);
            case "%" -> sign + oneDecimal(size) + " pts";
            default -> sign + oneDecimal(size) + " " + normalisedUnit;
        };
    }

    /** A share, e.g. "50.0 %"; {@value #NO_DATA} when there is none. */
    String percent(BigDecimal share) {
        return format(share, "%");
    }

    /** Whole pounds, e.g. "£1,748". */
    String pounds(BigDecimal amount) {
        return format(amount, "£");
    }

    private static String oneDecimal(BigDecimal value) {
        return decimal("#,##0.0").format(value);
    }

    // DecimalFormat is not thread-safe, and the renderer is shared by concurrent runs: one per call.
    private static DecimalFormat decimal(String pattern) {
        DecimalFormat format = new DecimalFormat(pattern, UK);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }
}
