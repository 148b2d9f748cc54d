package org.rapport.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Stops a password being guessed: after {@code maxFailures} wrong passwords in a row for one user
 * name, that name is locked for {@code lockout}, whatever password comes next. Kept per user name,
 * not per address, so that guessing from many addresses gains nothing; a correct password clears
 * the count. Nothing about the passwords tried is kept.
 */
public final class SignInThrottle {

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInThrottle(int maxFailures, Duration lockout, Clock clock) {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.clock = clock;
    }

    /** How long the user name stays locked, or empty when a password may be tried. */
    public Optional<Duration> lockedFor(String user) {
        Failures current = failures.get(key(user));
        if (current == null || current.lockedUntil == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), current.lockedUntil);
        if (left.isNegative() || left.isZero()) {
            failures.remove(key(user), current);
            return Optional.empty();
        }
        return Optional.of(left);
    }

    /**
     * Counts a wrong password.
     *
     * @return true when this failure locked the user name (the caller logs it, once)
     */
    public boolean failed(String user) {
        Instant now = clock.instant();
        Failures after = failures.compute(key(user), (name, before) -> {
            int count = (before == null || before.lockedUntil != null ? 0 : before.count) + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockout) : null);
        });
        return after.lockedUntil != null;
    }

    public void succeeded(String user) {
        failures.remove(key(user));
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockout() {
        return lockout;
    }

    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant lockedUntil) {
    }
}
