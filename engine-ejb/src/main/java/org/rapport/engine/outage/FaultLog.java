package org.rapport.engine.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a fault that repeats from filling the log: the first occurrence of a fault is written with its
 * stack trace, later ones with the same key only counted, and once the window has passed the next one is
 * written as a single line saying how many were left out. An outage that fails every attempt for an hour
 * adds a line per fault and window, not a stack per attempt. Thread-safe.
 */
public final class FaultLog {

    private final Logger logger;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    public FaultLog(Logger logger, Duration window, Clock clock) {
        this.logger = logger;
        this.window = window;
        this.clock = clock;
    }

    /** A log that writes a repeated fault at most once a minute. */
    public static FaultLog perMinute(Logger logger) {
        return new FaultLog(logger, Duration.ofMinutes(1), Clock.systemUTC());
    }

    /**
     * Counts one occurrence of a fault and writes it if a line is due.
     *
     * @param key     what went wrong and where, without anything that differs per attempt (it is the key)
     * @param message the line to write; the count of left-out repeats is added to it
     * @param failure written with the first occurrence of the key only
     */
    public void occurred(Level level, String key, String message, Throwable failure) {
        Instant now = clock.instant();
        Tally[] due = {null};
        boolean[] first = {false};
        tallies.compute(key, (ignored, tally) -> {
            if (tally == null) {
                first[0] = true;
                return new Tally(now, 0, 1);
            }
            if (!now.isBefore(tally.since.plus(window))) {
                due[0] = tally;
                return new Tally(now, 0, tally.total + 1);
            }
            return new Tally(tally.since, tally.leftOut + 1, tally.total + 1);
        });
        if (first[0]) {
            logger.log(level, message, failure);
        } else if (due[0] != null) {
            Tally before = due[0];
            logger.log(level, () -> message + " (" + (before.total + 1) + " times since it began; " + before.leftOut
                    + " not logged in the " + window.toSeconds() + " s before)");
        }
    }

    /**
     * Forgets the faults whose key starts with {@code keyPrefix} once they are over, so that the next
     * occurrence is written in full again.
     */
    public void forget(String keyPrefix) {
        tallies.keySet().removeIf(key -> key.startsWith(keyPrefix));
    }

    private record Tally(Instant since, long leftOut, long total) {
    }
}
