package org.rapport.web.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rapport.web.security.Roles;
import org.rapport.engine.schedule.ScheduleStatus;
import org.rapport.engine.schedule.ScheduledRuns;

/**
 * When the next monthly run is due, what the schedule last decided, the holidays it skips and when the
 * coming months fall due. Read only: the schedule is set in configuration ({@code rapport.schedule.*}).
 */
@Path("schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    /** How many months ahead the view says when they fall due. */
    private static final int MONTHS_AHEAD = 6;

    @EJB
    private ScheduledRuns schedule;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public ScheduleView status() {
        ScheduleStatus status = schedule.status();
        List<Due> upcoming = status.nextMonth() == null ? List.of()
                : Stream.iterate(YearMonth.parse(status.nextMonth()), month -> month.plusMonths(1)).limit(MONTHS_AHEAD)
                        .map(month -> new Due(month.toString(), schedule.dueAt(month).map(Instant::toString).orElse(null)))
                        .toList();
        return ScheduleView.of(status, schedule.holidays(), upcoming);
    }

    /** A month and when its pack falls due (ISO-8601). */
    public record Due(String month, String dueAt) {
    }

    /**
     * {@link ScheduleStatus} with ISO-8601 times, as every view of the API writes them, the holidays
     * ({@code rapport.schedule.holidays}) and when the coming months fall due.
     */
    public record ScheduleView(boolean enabled, String time, String zone, String nextMonth, String nextDueAt,
            String nextLookAt, String lastLookAt, String lastDecision, List<String> holidays, List<Due> upcoming) {

        static ScheduleView of(ScheduleStatus status, List<LocalDate> holidays, List<Due> upcoming) {
            return new ScheduleView(status.enabled(), status.time(), status.zone(), status.nextMonth(),
                    iso(status.nextDueAt()), iso(status.nextLookAt()), iso(status.lastLookAt()), status.lastDecision(),
                    holidays.stream().map(LocalDate::toString).toList(), upcoming);
        }

        private static String iso(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
