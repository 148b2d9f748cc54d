package org.rapport.web.api;

import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.rapport.web.security.Roles;
import org.rapport.engine.schedule.ScheduleStatus;
import org.rapport.engine.schedule.ScheduledRuns;

/** When the next monthly run is due, and what the schedule last decided. */
@Path("schedule")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

    @EJB
    private ScheduledRuns schedule;

    @GET
    @RolesAllowed(Roles.ADMIN)
    public ScheduleView status() {
        return ScheduleView.of(schedule.status());
    }

    /** {@link ScheduleStatus} with ISO-8601 times, as every view of the API writes them. */
    public record ScheduleView(boolean enabled, String time, String zone, String nextMonth, String nextDueAt,
            String nextLookAt, String lastLookAt, String lastDecision) {

        static ScheduleView of(ScheduleStatus status) {
            return new ScheduleView(status.enabled(), status.time(), status.zone(), status.nextMonth(),
                    iso(status.nextDueAt()), iso(status.nextLookAt()), iso(status.lastLookAt()), status.lastDecision());
        }

        private static String iso(Instant instant) {
            return instant == null ? null : instant.toString();
        }
    }
}
