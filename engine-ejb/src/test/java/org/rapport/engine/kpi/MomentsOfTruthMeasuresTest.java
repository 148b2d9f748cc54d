package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_QUEUE;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;
import static org.rapport.engine.contact.CallOutcome.SELF_SERVED;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class MomentsOfTruthMeasuresTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timeToReachAHumanCoversAnsweredCallsThatWantedOne(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            // Answered calls that wanted an agent: 60, 120, 300, 600 and 900 seconds in IVR plus queue.
            facts.call("2026-10-01T08:00:00", 20, 40, ANSWERED, true);
            facts.call("2026-10-02T08:00:00", 60, 60, ANSWERED, true);
            facts.call("2026-10-03T08:00:00", 100, 200, ANSWERED, true);
            facts.call("2026-10-04T08:00:00", 120, 480, ANSWERED, true);
            facts.call("2026-10-31T23:00:00", 300, 600, ANSWERED, true);
            // Not part of time to human, but October calls all the same.
            facts.call("2026-10-05T08:00:00", 30, 0, ANSWERED, false);
            facts.call("2026-10-06T08:00:00", 200, 0, ABANDONED_IN_IVR, true);
            facts.call("2026-10-07T08:00:00", 90, 0, ABANDONED_IN_IVR, false);
            facts.call("2026-10-08T08:00:00", 45, 0, SELF_SERVED, false);
            facts.call("2026-10-09T08:00:00", 60, 700, ABANDONED_IN_QUEUE, true);
            // September: outside the month.
            facts.call("2026-09-30T23:59:59", 5000, 5000, ANSWERED, true);
        });

        Map<String, Measurement> measured = database.read(entityManager ->
                new MomentsOfTruthMeasures(entityManager).measure(ReportingMonth.of(YearMonth.of(2026, 10))))
                .stream().filter(m -> m.dimension().equals(Measurement.OVERALL)).collect(Collectors.toMap(Measurement::code, Function.identity()));

        // mean (60 + 120 + 300 + 600 + 900) / 5 = 396 s = 6.60 min
        assertThat(measured.get(KpiCatalogue.TIME_TO_HUMAN_MEAN).value()).isEqualByComparingTo("6.60");
        // P90, interpolated: rank 0.9 × 4 = 3.6 → 600 + 0.6 × 300 = 780 s = 13.00 min
        assertThat(measured.get(KpiCatalogue.TIME_TO_HUMAN_P90).value()).isEqualByComparingTo("13.00");
        // 600 s and 900 s are over 570 s: 2 of 5
        assertThat(measured.get(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5).value()).isEqualByComparingTo("40.00");
        assertThat(measured.get(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5).sampleSize()).isEqualTo(5);
        // 2 of the 10 October calls were abandoned in the IVR
        assertThat(measured.get(KpiCatalogue.IVR_ABANDONMENT).value()).isEqualByComparingTo("20.00");
        assertThat(measured.get(KpiCatalogue.IVR_ABANDONMENT).sampleSize()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthWithoutCallsHasNoValues(TestDatabase database) {
        on(database);
        List<Measurement> measured = database.read(entityManager ->
                new MomentsOfTruthMeasures(entityManager).measure(ReportingMonth.of(YearMonth.of(2026, 10))));

        assertThat(measured).hasSize(4).allSatisfy(measurement -> assertThat(measurement.value()).isNull());
    }
}
