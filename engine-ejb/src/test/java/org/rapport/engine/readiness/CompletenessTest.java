package org.rapport.engine.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.SourceKind;

/** What makes each kind of source complete for a month, and what it lacks when it is not. */
class CompletenessTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant DURING_NOVEMBER = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant AFTER_NOVEMBER = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void eachKindHasASensibleDefault() {
        assertThat(Completeness.defaultFor(SourceKind.CALLS)).isEqualTo(Completeness.RECORDS_THROUGH_MONTH_END);
        assertThat(Completeness.defaultFor(SourceKind.SURVEY_RESPONSES)).isEqualTo(Completeness.EXTRACT_AFTER_MONTH_END);
        assertThat(Completeness.defaultFor(SourceKind.PURCHASES)).isEqualTo(Completeness.EXTRACT_AFTER_MONTH_END);
        assertThat(Completeness.defaultFor(SourceKind.SERVICE_CASES)).isEqualTo(Completeness.EXTRACT_AFTER_MONTH_END);
        assertThat(Completeness.defaultFor(SourceKind.CUSTOMERS)).isEqualTo(Completeness.SNAPSHOT_AFTER_MONTH_END);
    }

    @Test
    void rulesAreWrittenInConfigurationAsLowerCaseWords() {
        assertThat(Completeness.parse("month-closed")).isEqualTo(Completeness.MONTH_CLOSED);
        assertThat(Completeness.parse(" NOT_NEEDED ")).isEqualTo(Completeness.NOT_NEEDED);
        assertThat(Completeness.RECORDS_THROUGH_MONTH_END.configName()).isEqualTo("records-through-month-end");
        assertThatThrownBy(() -> Completeness.parse("whenever")).hasMessageContaining("'whenever' is not a completeness rule");
    }

    @Nested
    class Calls {

        private final Completeness rule = Completeness.defaultFor(SourceKind.CALLS);

        @Test
        void areCompleteOnceARecordIsDatedOnTheMonthsLastDayOrLater() {
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(DURING_NOVEMBER, "2026-11-30")), false)).isEmpty();
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(AFTER_NOVEMBER, "2026-12-03")), false)).isEmpty();
        }

        @Test
        void recordsThatStopBeforeTheLastDaySayHowFarTheyGo() {
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(AFTER_NOVEMBER, "2026-10-31"),
                    delivered(AFTER_NOVEMBER, "2026-11-29")), false))
                    .contains("records only through 2026-11-29; needs records through 2026-11-30");
        }

        @Test
        void noDeliveryAtAllLacksEverything() {
            assertThat(rule.missingFor(NOVEMBER, List.of(), false))
                    .contains("no records yet; needs records through 2026-11-30");
        }

        @Test
        void aMonthMarkedClosedIsCompleteWhateverTheRecordsSay() {
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(AFTER_NOVEMBER, "2026-10-31")), true)).isEmpty();
        }
    }

    @Nested
    class SurveyAnswersPurchasesAndCases {

        private final Completeness rule = Completeness.defaultFor(SourceKind.SURVEY_RESPONSES);

        @Test
        void areCompleteWithAnExtractTakenAfterMonthEndThatReachesTheMonth() {
            // a sparse feed: the last answer of November may well be on the 27th
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(AFTER_NOVEMBER, "2026-11-27")), false)).isEmpty();
        }

        @Test
        void anExtractTakenDuringTheMonthIsNotEnough() {
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(DURING_NOVEMBER, "2026-11-19")), false))
                    .contains("no delivery received after 2026-11-30 with records of 2026-11 or later (newest record 2026-11-19)");
        }

        @Test
        void aLateExtractThatStopsBeforeTheMonthIsNotEnough() {
            // the finding: October's answers delivered in December say nothing about November
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(Instant.parse("2026-12-05T08:00:00Z"), "2026-10-31")),
                    false)).isPresent();
        }
    }

    @Nested
    class Customers {

        private final Completeness rule = Completeness.defaultFor(SourceKind.CUSTOMERS);

        @Test
        void areCompleteWithASnapshotTakenAfterMonthEnd() {
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(AFTER_NOVEMBER, "2019-04-02")), false)).isEmpty();
        }

        @Test
        void aSnapshotTakenDuringTheMonthIsNotEnough() {
            assertThat(rule.missingFor(NOVEMBER, List.of(delivered(DURING_NOVEMBER, null)), false))
                    .contains("no delivery received after 2026-11-30");
        }
    }

    @Test
    void aSourceThatOnlyTheIntegrationTeamCanCloseWaitsForItsMark() {
        List<Delivered> delivered = List.of(delivered(AFTER_NOVEMBER, "2026-12-31"));
        assertThat(Completeness.MONTH_CLOSED.missingFor(NOVEMBER, delivered, false))
                .contains("not yet marked closed for 2026-11");
        assertThat(Completeness.MONTH_CLOSED.missingFor(NOVEMBER, delivered, true)).isEmpty();
    }

    @Test
    void aSourceNotNeededIsNeverWaitedFor() {
        assertThat(Completeness.NOT_NEEDED.missingFor(NOVEMBER, List.of(), false)).isEmpty();
    }

    private static Delivered delivered(Instant receivedAt, String newestRecord) {
        return new Delivered(receivedAt, newestRecord == null ? null : LocalDate.parse(newestRecord));
    }
}
