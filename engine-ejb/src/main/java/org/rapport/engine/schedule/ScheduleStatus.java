package org.rapport.engine.schedule;

import java.time.Instant;

/**
 * What the monthly schedule is set to and what it last did, for the operator who asks "when is the
 * next pack?" and "did the schedule see the month I expected?".
 *
 * @param enabled       false when {@code rapport.schedule.enabled=false}; then everything else is null
 * @param time          local time of day runs start, e.g. 06:00
 * @param zone          the zone that time is in
 * @param nextMonth     the month the next scheduled run is for, e.g. 2026-11
 * @param nextDueAt     when that run is due
 * @param nextLookAt    when the container's daily timer next fires
 * @param lastLookAt    when the schedule last looked for a due month, null before its first look
 * @param lastDecision  what it decided then, in words
 */
public record ScheduleStatus(boolean enabled, String time, String zone, String nextMonth, Instant nextDueAt,
        Instant nextLookAt, Instant lastLookAt, String lastDecision) {

    static ScheduleStatus disabled() {
        return new ScheduleStatus(false, null, null, null, null, null, null, null);
    }
}
