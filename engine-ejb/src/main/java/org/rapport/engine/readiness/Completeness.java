package org.rapport.engine.readiness;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.rapport.engine.intake.SourceKind;

/**
 * What makes a source complete for a month, and what it lacks when it is not. Months end at midnight
 * UTC, as the measures count them. Immutable; the rules are pure functions of what the ledger holds.
 */
public enum Completeness {

    /**
     * Records dated on the month's last day or later: a feed with records every day (calls) has
     * moved past the month. Default for calls.
     */
    RECORDS_THROUGH_MONTH_END {
        @Override
        Optional<String> lacks(YearMonth month, List<Delivered> deliveries, boolean closed) {
            LocalDate lastDay = month.atEndOfMonth();
            Optional<LocalDate> newest = newestRecord(deliveries);
            if (newest.isPresent() && !newest.get().isBefore(lastDay)) {
                return Optional.empty();
            }
            return Optional.of(newest.map(day -> "records only through " + day).orElse("no records yet")
                    + "; needs records through " + lastDay);
        }
    },

    /**
     * A delivery received after the month ended that holds records of the month or later: an extract
     * of a sparse feed (purchases, survey answers, service cases) taken once the month was over.
     * Default for purchases, survey responses and service cases.
     */
    EXTRACT_AFTER_MONTH_END {
        @Override
        Optional<String> lacks(YearMonth month, List<Delivered> deliveries, boolean closed) {
            boolean extracted = deliveries.stream().anyMatch(delivered -> receivedAfter(delivered, month)
                    && delivered.newestRecord() != null && !delivered.newestRecord().isBefore(month.atDay(1)));
            if (extracted) {
                return Optional.empty();
            }
            return Optional.of("no delivery received after " + month.atEndOfMonth() + " with records of " + month
                    + " or later" + newestRecord(deliveries).map(day -> " (newest record " + day + ")").orElse(""));
        }
    },

    /**
     * A delivery received after the month ended: a snapshot of a register (the customer base) taken
     * once the month was over. Default for customers.
     */
    SNAPSHOT_AFTER_MONTH_END {
        @Override
        Optional<String> lacks(YearMonth month, List<Delivered> deliveries, boolean closed) {
            return deliveries.stream().anyMatch(delivered -> receivedAfter(delivered, month)) ? Optional.empty()
                    : Optional.of("no delivery received after " + month.atEndOfMonth());
        }
    },

    /** Only the integration team's explicit "month closed" for the source says the month is complete. */
    MONTH_CLOSED {
        @Override
        Optional<String> lacks(YearMonth month, List<Delivered> deliveries, boolean closed) {
            return closed ? Optional.empty() : Optional.of("not yet marked closed for " + month);
        }
    },

    /** The source is never waited for. */
    NOT_NEEDED {
        @Override
        Optional<String> lacks(YearMonth month, List<Delivered> deliveries, boolean closed) {
            return Optional.empty();
        }
    };

    /**
     * What the source lacks to be complete for {@code month}, or empty when it is complete. A month the
     * integration team marked closed is complete whatever the rule.
     *
     * @param deliveries the source's accepted deliveries
     * @param closed     whether the month was marked closed for the source
     */
    public Optional<String> missingFor(YearMonth month, List<Delivered> deliveries, boolean closed) {
        return closed ? Optional.empty() : lacks(month, deliveries, closed);
    }

    abstract Optional<String> lacks(YearMonth month, List<Delivered> deliveries, boolean closed);

    /** The rule a source of {@code kind} follows unless its installation says otherwise. */
    public static Completeness defaultFor(SourceKind kind) {
        return switch (kind) {
            case CALLS -> RECORDS_THROUGH_MONTH_END;
            case PURCHASES, SURVEY_RESPONSES, SERVICE_CASES -> EXTRACT_AFTER_MONTH_END;
            case CUSTOMERS -> SNAPSHOT_AFTER_MONTH_END;
        };
    }

    /** The rule named as in configuration: {@code records-through-month-end}, {@code month-closed}, … */
    public static Completeness parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a completeness rule; use one of "
                    + "records-through-month-end, extract-after-month-end, snapshot-after-month-end, "
                    + "month-closed, not-needed", e);
        }
    }

    /** The rule as configuration writes it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static boolean receivedAfter(Delivered delivered, YearMonth month) {
        return !delivered.receivedAt().isBefore(month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static Optional<LocalDate> newestRecord(List<Delivered> deliveries) {
        return deliveries.stream().map(Delivered::newestRecord).filter(java.util.Objects::nonNull)
                .max(LocalDate::compareTo);
    }
}
