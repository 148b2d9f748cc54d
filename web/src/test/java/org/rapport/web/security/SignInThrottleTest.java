package org.rapport.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private Instant now = Instant.parse("2026-12-05T09:00:00Z");
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(5), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theThirdWrongPasswordInARowLocksTheNameOnceAndForTheLockout() {
        assertThat(throttle.failed("alice")).isFalse();
        assertThat(throttle.failed("alice")).isFalse();
        assertThat(throttle.failed("alice")).as("locks now, so the caller logs it once").isTrue();

        assertThat(throttle.lockedFor("alice")).hasValue(Duration.ofMinutes(5));
        now = now.plus(Duration.ofMinutes(4));
        assertThat(throttle.lockedFor("ALICE")).as("names are not case-sensitive").hasValue(Duration.ofMinutes(1));
        now = now.plus(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("alice")).isEmpty();
    }

    @Test
    void aRightPasswordClearsTheCount() {
        throttle.failed("bob");
        throttle.failed("bob");
        throttle.succeeded("bob");

        assertThat(throttle.failed("bob")).isFalse();
        assertThat(throttle.lockedFor("bob")).isEmpty();
    }

    @Test
    void oneNameBeingGuessedLeavesTheOthersAlone() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("carol");
        }
        assertThat(throttle.lockedFor("carol")).isPresent();
        assertThat(throttle.lockedFor("dave")).isEmpty();
    }
}
