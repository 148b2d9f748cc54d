package org.rapport.integration.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rapport.integration.EndpointUri;

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
        // the route id is the source's name, checked to be letters, digits, '.', '_' and '-'
        Map<String, Object> options = new LinkedHashMap<>();
        if (schedule != null && schedule.cron() != null) {
            options.put("stateful", true);
            // checked by Quartz when the definition was loaded; encoded like every option value
            options.put("cron", schedule.cron().trim());
            return EndpointUri.of("quartz:rapport-fetch/" + routeId, options);
        }
        Duration interval = schedule == null ? settings.defaultInterval() : schedule.interval();
        options.put("delay", interval.toMillis());
        options.put("initialDelay", settings.firstFetchDelay().toMillis());
        return EndpointUri.of("scheduler:" + routeId, options);
    }
}
