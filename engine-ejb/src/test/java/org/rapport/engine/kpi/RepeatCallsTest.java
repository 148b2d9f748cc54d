package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** A call of the month is a repeat when its caller called again strictly later and at most a week after. */
class RepeatCallsTest {

    private static final LocalDateTime OCTOBER = LocalDateTime.of(2026, 10, 1, 0, 0);

    private final RepeatCalls repeats = new RepeatCalls(OCTOBER);

    @Test
    void aCallFollowedWithinAWeekIsARepeatAndTheLastCallIsNot() {
        repeats.call(0, OCTOBER.plusDays(2), 0);
        repeats.call(0, OCTOBER.plusDays(5), 1);

        assertThat(counted(2, 1)).containsExactly(1, 0);
    }

    @Test
    void exactlyAWeekLaterStillCountsAndAMicrosecondMoreDoesNot() {
        repeats.call(0, OCTOBER.plusDays(1), 0);
        repeats.call(0, OCTOBER.plusDays(8), 1);
        repeats.call(1, OCTOBER.plusDays(1), 0);
        repeats.call(1, OCTOBER.plusDays(8).plusNanos(1_000), 1);

        assertThat(counted(2, 2)).containsExactly(1, 0);
    }

    @Test
    void callsStartedAtTheSameInstantAreNotEachOthersRepeatButShareTheNextOne() {
        LocalDateTime at = OCTOBER.plusDays(3);
        repeats.call(0, at, 0);
        repeats.call(0, at, 1);
        assertThat(counted(2, 1)).as("ties alone").containsExactly(0, 0);

        RepeatCalls followed = new RepeatCalls(OCTOBER);
        followed.call(0, at, 0);
        followed.call(0, at, 1);
        followed.call(0, at.plusHours(1), 1);
        long[] repeated = new long[2];
        followed.countInto(repeated, 1);
        assertThat(repeated).containsExactly(1, 1);
    }

    @Test
    void aCallOfTheWeekAfterTheMonthMakesARepeatButIsNotCounted() {
        repeats.call(0, OCTOBER.plusDays(30).plusHours(20), 0);
        repeats.follower(0, OCTOBER.plusDays(33));
        repeats.follower(0, OCTOBER.plusDays(34));

        assertThat(counted(1, 1)).containsExactly(1);
    }

    @Test
    void anotherCallersCallIsNoRepeat() {
        repeats.call(0, OCTOBER.plusDays(2), 0);
        repeats.call(1, OCTOBER.plusDays(3), 0);
        repeats.follower(2, OCTOBER.plusDays(33));

        assertThat(counted(1, 3)).containsExactly(0);
    }

    @Test
    void aCallBeforeTheMonthReadIsRefused() {
        assertThatThrownBy(() -> repeats.call(0, OCTOBER.minusSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside the month read");
    }

    private long[] counted(int groups, int callers) {
        long[] repeated = new long[groups];
        repeats.countInto(repeated, callers);
        return repeated;
    }
}
