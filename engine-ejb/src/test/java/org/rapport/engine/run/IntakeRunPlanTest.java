package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Which months a delivery's intake-triggered runs cover. */
class IntakeRunPlanTest {

    private static final YearMonth OCTOBER_2026 = YearMonth.of(2026, 10);
    private static final YearMonth FEBRUARY_1999 = YearMonth.of(1999, 2);

    @Test
    void aLateFileForAnOldMonthRunsThatMonthNotTheLatestMonthWithData() {
        assertThat(IntakeRunPlan.monthsToRun(List.of(months(FEBRUARY_1999)), Set.of(FEBRUARY_1999), true))
                .containsExactly(FEBRUARY_1999);
        assertThat(IntakeRunPlan.monthsToRun(List.of(months(FEBRUARY_1999)), Set.of(), true)).containsExactly(FEBRUARY_1999);
    }

    @Test
    void monthsRunBeforeAreRunAgainWithTheLatestAndOtherOldMonthsAreLeftAlone() {
        SortedSet<YearMonth> touched = months(YearMonth.of(2026, 7), YearMonth.of(2026, 8), YearMonth.of(2026, 9),
                OCTOBER_2026);

        assertThat(IntakeRunPlan.monthsToRun(List.of(touched), Set.of(YearMonth.of(2026, 8)), true))
                .containsExactly(YearMonth.of(2026, 8), OCTOBER_2026);
    }

    @Test
    void theFirstDataEverIsRunForItsLatestTwelveMonthsOldestFirst() {
        SortedSet<YearMonth> twoYears = new TreeSet<>();
        IntStream.range(0, 24).forEach(back -> twoYears.add(OCTOBER_2026.minusMonths(back)));

        assertThat(IntakeRunPlan.monthsToRun(List.of(twoYears), Set.of(), false))
                .hasSize(12).startsWith(YearMonth.of(2025, 11)).endsWith(OCTOBER_2026);
    }

    @Test
    void filesStoredTogetherAreEachPlannedAsIfTheyHadComeAlone() {
        SortedSet<YearMonth> lateSurvey = months(YearMonth.of(2026, 9));
        SortedSet<YearMonth> oldCallLog = months(FEBRUARY_1999);

        assertThat(IntakeRunPlan.monthsToRun(List.of(lateSurvey, oldCallLog), Set.of(), true))
                .containsExactly(FEBRUARY_1999, YearMonth.of(2026, 9));
    }

    @Test
    void dataTouchingNoMonthRunsNothing() {
        assertThat(IntakeRunPlan.monthsToRun(List.of(new TreeSet<>()), Set.of(), true)).isEmpty();
    }

    private static SortedSet<YearMonth> months(YearMonth... months) {
        return new TreeSet<>(Set.of(months));
    }
}
