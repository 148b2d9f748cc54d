package org.rapport.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class CallDaysTest {

    @Test
    void aMonthsCallsFallOnItsDaysAndNotOnTheDayItEndsAt() {
        CallDays days = CallDays.between(LocalDateTime.parse("2026-10-01T00:00"),
                LocalDateTime.parse("2026-11-01T00:00"));

        assertThat(days).isEqualTo(new CallDays(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31")));
    }

    @Test
    void aRangeEndingWithinADayIncludesThatDay() {
        CallDays days = CallDays.between(LocalDateTime.parse("2026-10-31T22:00"),
                LocalDateTime.parse("2026-11-01T02:00"));

        assertThat(days).isEqualTo(new CallDays(LocalDate.parse("2026-10-31"), LocalDate.parse("2026-11-01")));
    }

    @Test
    void anEmptyOrBackwardRangeIsRefused() {
        LocalDateTime noon = LocalDateTime.parse("2026-10-05T12:00");

        assertThatThrownBy(() -> CallDays.between(noon, noon)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CallDays(LocalDate.parse("2026-10-05"), LocalDate.parse("2026-10-04")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConditionsNameTheCallsDayColumn() {
        assertThat(CallDays.jpql("c")).isEqualTo("c.startedOn between :firstDay and :lastDay");
        assertThat(CallDays.sql("r")).isEqualTo("r.started_on between :firstDay and :lastDay");
    }
}
