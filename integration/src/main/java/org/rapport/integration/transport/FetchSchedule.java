package org.rapport.integration.transport;

import java.time.Duration;

import org.rapport.integration.source.Schedule;

/**
 * The endpoint that starts a source's fetches: Camel's {@code scheduler} for an interval (one thread
 * per source, the next fetch waits for the last to end) or Quartz for a cron expression (a stateful
 * job, so fetches never overlap either).
 */
final class FetchSchedule {

    private FetchSchedule() {
    }

    /** The trigger of {@code routeId}; {@code schedule} may be null for the default interval. */
    static String uri(String routeId, Schedule schedule, FetchSettings settings) {
        if (schedule != null && schedule.cron() != null) {
            // Quartz reads '+' as the space between cron fields in an endpoint URI
            return "quartz:rapport-fetch/" + routeId + "?stateful=true&cron=" + schedule.cron().trim().replace(' ', '+');
        }
        Duration interval = schedule == null ? settings.defaultInterval() : schedule.interval();
        return "scheduler:" + routeId + "?delay=" + interval.toMillis()
                + "&initialDelay=" + settings.firstFetchDelay().toMillis();
    }
}
