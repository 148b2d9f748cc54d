package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RepeatedFaultsTest {

    private Instant now = Instant.parse("2026-12-05T09:00:00Z");
    private final List<String> log = new ArrayList<>();
    private final RepeatedFaults faults = new RepeatedFaults(Duration.ofMinutes(1), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void aFaultThatRepeatsIsWrittenOnceAWindowWithTheCountLeftOut() {
        for (int request = 0; request < 1000; request++) {
            faults.occurred("database down", log::add);
        }
        assertThat(log).containsExactly("database down");

        now = now.plus(Duration.ofSeconds(61));
        faults.occurred("database down", log::add);

        assertThat(log).containsExactly("database down", "database down (and 999 more times in the 60 s before)");
    }

    @Test
    void differentFaultsAreWrittenEachTheirFirstTime() {
        faults.occurred("database down", log::add);
        faults.occurred("disk full", log::add);

        assertThat(log).containsExactly("database down", "disk full");
    }
}
