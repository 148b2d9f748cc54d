package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class VoiceOfCustomerMeasuresTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void npsIsPercentPromotersMinusPercentDetractorsAmongTheMonthsAnswers(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.response("A", "2026-10-01T00:00:00", 10, null); // first instant of the month counts
            facts.response("A", "2026-10-05T10:00:00", 9, null);
            facts.response("B", "2026-10-06T10:00:00", 10, null);
            facts.response("B", "2026-10-07T10:00:00", 8, null);  // passive
            facts.response("C", "2026-10-08T10:00:00", 7, null);  // passive
            facts.response("C", "2026-10-09T10:00:00", 6, null);  // detractor
            facts.response("D", "2026-10-31T23:59:59", 0, null);  // detractor, last second of the month
            facts.response("D", "2026-10-10T10:00:00", null, 5);  // no NPS answer: not counted
            facts.response("E", "2026-09-30T23:59:59", 0, null);  // September
            facts.response("E", "2026-11-01T00:00:00", 0, null);  // November
        });

        Measurement nps = database.read(entityManager ->
                overall(new VoiceOfCustomerMeasures(entityManager).netPromoterScore(OCTOBER)));

        // 7 answers: 3 promoters (42.86 %) − 2 detractors (28.57 %) = 14.29
        assertThat(nps.value()).isEqualByComparingTo("14.29");
        assertThat(nps.sampleSize()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void csatIsTheShareOfAnswersScoringFourOrFive(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.response("A", "2026-10-02T10:00:00", null, 5);
            facts.response("A", "2026-10-03T10:00:00", null, 4);
            facts.response("B", "2026-10-04T10:00:00", null, 3);
            facts.response("B", "2026-10-05T10:00:00", null, 2);
            facts.response("C", "2026-10-06T10:00:00", null, 5);
            facts.response("C", "2026-10-07T10:00:00", 9, null); // no CSAT answer
        });

        Measurement csat = database.read(entityManager ->
                overall(new VoiceOfCustomerMeasures(entityManager).satisfaction(OCTOBER)));

        assertThat(csat.value()).isEqualByComparingTo("60.00"); // 3 of 5
        assertThat(csat.sampleSize()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void surveyReachCountsActiveCustomersHeardFromInTheTwelveMonthsToMonthEnd(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, null);
            facts.customer("B", LocalDate.of(2021, 1, 1), null, null);
            facts.customer("C", LocalDate.of(2022, 1, 1), null, null);
            facts.customer("D", LocalDate.of(2022, 1, 1), LocalDate.of(2026, 9, 15), null); // gone before month end
            facts.customer("E", LocalDate.of(2026, 11, 5), null, null);                      // joined after
            facts.response("A", "2026-10-20T10:00:00", 9, null);
            facts.response("B", "2025-11-01T00:00:00", 9, null); // first instant of the 12-month window
            facts.response("C", "2025-10-31T23:59:59", 9, null); // just outside it
            facts.response("D", "2026-08-01T10:00:00", 9, null);
        });

        Measurement reach = database.read(entityManager ->
                overall(new VoiceOfCustomerMeasures(entityManager).surveyReach(OCTOBER)));

        assertThat(reach.value()).isEqualByComparingTo("66.67"); // A and B of A, B, C
        assertThat(reach.sampleSize()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthWithoutAnswersHasNoValueRatherThanZero(TestDatabase database) {
        on(database);
        database.write(entityManager -> new Facts(entityManager).response("A", "2026-09-02T10:00:00", 10, 5));

        Measurement nps = database.read(entityManager ->
                overall(new VoiceOfCustomerMeasures(entityManager).netPromoterScore(OCTOBER)));
        Measurement csat = database.read(entityManager ->
                overall(new VoiceOfCustomerMeasures(entityManager).satisfaction(OCTOBER)));

        assertThat(nps.value()).isNull();
        assertThat(csat.value()).isNull();
        assertThat(nps.sampleSize()).isZero();
    }

    static Measurement overall(java.util.List<Measurement> measured) {
        return measured.stream().filter(m -> m.dimension().equals(Measurement.OVERALL)).findFirst().orElseThrow();
    }
}
