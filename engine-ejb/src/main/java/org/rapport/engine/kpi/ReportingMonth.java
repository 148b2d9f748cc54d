package org.rapport.engine.kpi;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Objects;

/**
 * The month a run measures, as half-open windows [start, end) in the contact centre's local time,
 * which is how every measure cuts its data.
 */
public record ReportingMonth(YearMonth month) {

    public ReportingMonth {
        Objects.requireNonNull(month, "month");
    }

    public static ReportingMonth of(YearMonth month) {
        return new ReportingMonth(month);
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    /** The first day after the month. */
    public LocalDate endExclusive() {
        return month.plusMonths(1).atDay(1);
    }

    public LocalDateTime startTime() {
        return firstDay().atStartOfDay();
    }

    public LocalDateTime endTime() {
        return endExclusive().atStartOfDay();
    }

    public ReportingMonth previous() {
        return new ReportingMonth(month.minusMonths(1));
    }
}
