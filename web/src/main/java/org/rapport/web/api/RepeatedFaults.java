package org.rapport.web.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps a fault that repeats from filling the log: the first occurrence of a fault is written, later
 * ones with the same key are only counted, and once a window has passed the next occurrence is
 * written with how many were left out. During an outage that fails every request, the log grows by a
 * line per fault and window, not by a line (or a stack) per request.
 */
final class RepeatedFaults {

    private final Duration window;
    private final Clock clock;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    RepeatedFaults(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /**
     * Counts one occurrence of {@code fault} and hands the line to write, if one is due, to {@code log}.
     *
     * @param fault what went wrong, without anything that differs per request (it is the key)
     */
    void occurred(String fault, Consumer<String> log) {
        Instant now = clock.instant();
        long[] leftOut = {-1};
        tallies.compute(fault, (key, tally) -> {
            if (tally == null || !now.isBefore(tally.since.plus(window))) {
                leftOut[0] = tally == null ? 0 : tally.leftOut;
                return new Tally(now, 0);
            }
            return new Tally(tally.since, tally.leftOut + 1);
        });
        if (leftOut[0] == 0) {
            log.accept(fault);
        } else if (leftOut[0] > 0) {
            log.accept(fault + " (and " + leftOut[0] + " more times in the " + window.toSeconds() + " s before)");
        }
    }

    private record Tally(Instant since, long leftOut) {
    }
}
