package org.rapport.web;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Waits for a condition instead of sleeping for a guessed time: probes until the condition holds or the deadline
 * passes, then fails with the last value seen (or the last exception thrown by the probe).
 */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    public static <T> T until(Duration timeout, Callable<T> probe, Predicate<? super T> condition) {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        Exception lastError = null;
        while (true) {
            try {
                last = probe.call();
                lastError = null;
                if (condition.test(last)) {
                    return last;
                }
            } catch (Exception e) {
                lastError = e;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + timeout + "; last value: " + last, lastError);
            }
            LockSupport.parkNanos(INTERVAL.toNanos()); // between probes only, never a substitute for a condition
        }
    }
}
