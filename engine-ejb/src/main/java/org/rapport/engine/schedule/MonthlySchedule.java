package org.rapport.engine.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * When the board pack of a month is due: on the first working day of the following month at a set
 * time in the installation's time zone. Weekends and the configured holidays are not working days.
 * Immutable and thread-safe.
 */
public final class MonthlySchedule {

    private final LocalTime time;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;

    public MonthlySchedule(LocalTime time, ZoneId zone, Set<LocalDate> holidays) {
        this.time = Objects.requireNonNull(time, "time");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.holidays = Set.copyOf(holidays);
    }

    /** The instant the pack of {@code month} is due. */
    public ZonedDateTime dueAt(YearMonth month) {
        LocalDate day = month.plusMonths(1).atDay(1);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day.atTime(time).atZone(zone);
    }

    /**
     * The month whose pack is due at {@code now}: the latest month whose due time has passed. Only
     * the latest — months missed while the server was down are caught up once, with one run, not
     * one run per missed month.
     */
    public YearMonth latestDueMonth(ZonedDateTime now) {
        YearMonth previous = YearMonth.from(now.withZoneSameInstant(zone)).minusMonths(1);
        return now.isBefore(dueAt(previous)) ? previous.minusMonths(1) : previous;
    }

    /** The configured holidays, earliest first. */
    public List<LocalDate> holidays() {
        return holidays.stream().sorted().toList();
    }

    private boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.contains(day);
    }
}
