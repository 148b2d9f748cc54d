package org.rapport.reports;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The words the pack uses for the codes a snapshot holds (stages, reasons, pillars, sources). */
final class PackWording {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM", Locale.UK);
    private static final DateTimeFormatter SHORT_MONTH_YEAR = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

    private static final Map<String, String> CHURN_REASONS = Map.of(
            "TREATMENT", "How they were treated",
            "PRODUCT_OR_SERVICE", "Product or service",
            "BETTER_OFFER", "Better offer elsewhere",
            "SERIAL_SWITCHER", "Serial switchers",
            "STOPPED_USING", "Stopped using it",
            "DECEASED", "Died",
            "UNKNOWN", "Reason not recorded");

    private static final Map<String, String> SOURCES = Map.of(
            "CUSTOMERS", "Customers (CRM)",
            "PURCHASES", "Purchases",
            "SERVICE_CASES", "Service cases",
            "CALLS", "Calls (IVR / contact centre)",
            "SURVEY_RESPONSES", "Survey responses");

    private PackWording() {
    }

    /** "October 2026". */
    static String month(YearMonth month) {
        return MONTH.format(month);
    }

    /** "Oct": a trend chart's category; twelve consecutive months never repeat one. */
    static String shortMonth(YearMonth month) {
        return SHORT_MONTH.format(month);
    }

    /** "Oct 2026". */
    static String shortMonthYear(YearMonth month) {
        return SHORT_MONTH_YEAR.format(month);
    }

    static String churnReason(String code) {
        return CHURN_REASONS.getOrDefault(code, words(code));
    }

    static String source(String kind) {
        return SOURCES.getOrDefault(kind, kind);
    }

    /** "regular" → "Regular", "TECHNOLOGY" → "Technology", "value_band" → "Value band". */
    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String text = code.strip().replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "1 customer", "2 customers". */
    static String count(long count, String singular, String plural) {
        return CountFormat.of(count) + " " + (count == 1 ? singular : plural);
    }
}
