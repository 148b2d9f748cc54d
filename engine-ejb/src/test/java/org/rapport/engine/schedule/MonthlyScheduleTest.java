package org.rapport.engine.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MonthlyScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final MonthlySchedule SIX_AM = new MonthlySchedule(LocalTime.of(6, 0), LONDON, Set.of());

    @Test
    void aMonthsPackIsDueOnTheFirstWorkingDayOfTheNextMonthAtSix() {
        // 1 November 2026 is a Sunday: the first working day is Monday the 2nd.
        assertThat(SIX_AM.dueAt(YearMonth.of(2026, 10)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 2, 6, 0, 0, 0, LONDON));
        // 1 December 2026 is a Tuesday.
        assertThat(SIX_AM.dueAt(YearMonth.of(2026, 11)))
                .isEqualTo(ZonedDateTime.of(2026, 12, 1, 6, 0, 0, 0, LONDON));
    }

    @Test
    void holidaysAreNotWorkingDays() {
        MonthlySchedule withNewYear = new MonthlySchedule(LocalTime.of(6, 0), LONDON,
                Set.of(LocalDate.of(2027, 1, 1)));

        // 1 January 2027 is a Friday and a holiday; then the weekend.
        assertThat(withNewYear.dueAt(YearMonth.of(2026, 12)))
                .isEqualTo(ZonedDateTime.of(2027, 1, 4, 6, 0, 0, 0, LONDON));
    }

    @Test
    void beforeItsDueTimeTheMonthBeforeIsStillTheLatestDue() {
        ZonedDateTime justBefore = ZonedDateTime.of(2026, 11, 2, 5, 59, 0, 0, LONDON);
        ZonedDateTime justAfter = ZonedDateTime.of(2026, 11, 2, 6, 0, 0, 0, LONDON);

        assertThat(SIX_AM.latestDueMonth(justBefore)).isEqualTo(YearMonth.of(2026, 9));
        assertThat(SIX_AM.latestDueMonth(justAfter)).isEqualTo(YearMonth.of(2026, 10));
    }

    @Test
    void aServerDownForMonthsCatchesUpOnlyTheLatestMonth() {
        ZonedDateTime backAfterAQuarter = ZonedDateTime.of(2027, 2, 15, 9, 0, 0, 0, LONDON);

        assertThat(SIX_AM.latestDueMonth(backAfterAQuarter)).isEqualTo(YearMonth.of(2027, 1));
    }

    @Test
    void theDueTimeIsInTheInstallationsZoneWhateverTheCallersZone() {
        // September's pack is due on Thursday 1 October 2026, 06:00 British Summer Time = 05:00 UTC.
        ZonedDateTime utc = ZonedDateTime.of(2026, 10, 1, 5, 0, 0, 0, ZoneId.of("UTC"));

        assertThat(SIX_AM.latestDueMonth(utc)).isEqualTo(YearMonth.of(2026, 9));
        assertThat(SIX_AM.latestDueMonth(utc.minusMinutes(1))).isEqualTo(YearMonth.of(2026, 8));
    }
}
