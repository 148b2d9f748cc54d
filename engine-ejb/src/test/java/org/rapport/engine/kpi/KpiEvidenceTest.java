package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Why a KPI is "no data", worded from what it rests on: the words the pack and the API give. */
class KpiEvidenceTest {

    private static final MonthObservations NOTHING = MonthObservations.NONE;
    private static final MonthObservations EVERYTHING = new MonthObservations(true, true, true, true, true);

    static Stream<String> everyCatalogueKpi() {
        return KpiCatalogue.all().stream().map(KpiDefinition::code);
    }

    @ParameterizedTest
    @MethodSource("everyCatalogueKpi")
    @DisplayName("a KPI the month has no records for names what the month lacks")
    void emptyMonthNamesTheMissingRecords(String code) {
        assertThat(KpiEvidence.observed(code, NOTHING)).as("%s is withheld in an empty month", code).isFalse();
        assertThat(KpiEvidence.noDataReason(code, true, NOTHING)).as(code)
                .startsWith("no ").containsPattern("(in|for) the month$");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            NPS                       | no survey answers in the month
            CHURN_RATE                | no customers known for the month
            CHURN_SHARE_TREATMENT     | no customers known for the month
            IVR_ABANDONMENT           | no calls dated in the month
            FIRST_CONTACT_RESOLUTION  | no service cases in the month
            CLOSED_LOOP               | no survey answers in the month and no service cases in the month
            COST_TO_SERVE             | no calls or service cases in the month
            ENGAGED_SHARE             | no calls, survey answers, service cases or purchases in the month
            """)
    void wording(String code, String reason) {
        assertThat(KpiEvidence.noDataReason(code, true, NOTHING)).isEqualTo(reason);
    }

    @Test
    @DisplayName("only what is missing is named: closed loop in a month with answers but no cases")
    void onlyTheMissingKind() {
        MonthObservations answersOnly = new MonthObservations(false, false, true, false, false);

        assertThat(KpiEvidence.noDataReason(KpiCatalogue.CLOSED_LOOP, true, answersOnly))
                .isEqualTo("no service cases in the month");
        assertThat(KpiEvidence.observed(KpiCatalogue.NPS, answersOnly)).isTrue();
    }

    @Test
    @DisplayName("records of the kind are there but none counts: said so, for the month or for a slice")
    void recordsButNothingToCount() {
        assertThat(KpiEvidence.noDataReason(KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, true, EVERYTHING))
                .isEqualTo("nothing to count among the month's calls");
        assertThat(KpiEvidence.noDataReason(KpiCatalogue.NPS, false, EVERYTHING))
                .isEqualTo("nothing to count among the month's survey answers in this slice");
        assertThat(KpiEvidence.noDataReason(KpiCatalogue.CLOSED_LOOP, true, EVERYTHING))
                .isEqualTo("nothing to count among the month's survey answers and service cases");
    }
}
