package org.rapport.integration.transport;

import java.time.Duration;

/**
 * How fetching transports schedule and retry; the same for every source.
 *
 * @param firstFetchDelay     how long after start the first interval fetch runs, so the server settles first
 * @param defaultInterval     how often a source without a schedule is fetched
 * @param maximumRedeliveries how many more times a fetch step is tried after a technical fault
 * @param redeliveryDelay     the wait before the first retry; each further retry waits twice as long
 * @param remoteFileMinAge    how long a remote file must have been left unchanged before it is fetched, so a
 *                            file still being written is taken next time rather than half now
 */
public record FetchSettings(Duration firstFetchDelay, Duration defaultInterval, int maximumRedeliveries,
        Duration redeliveryDelay, Duration remoteFileMinAge) {

    /** Production defaults: every 15 minutes, 4 retries over about 75 s, remote files still for a minute. */
    public static FetchSettings standard() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofMinutes(15), 4, Duration.ofSeconds(5),
                Duration.ofMinutes(1));
    }
}
