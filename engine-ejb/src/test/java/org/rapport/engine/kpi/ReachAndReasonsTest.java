package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.customer.ChurnReason.BETTER_OFFER;
import static org.rapport.engine.customer.ChurnReason.PRODUCT_OR_SERVICE;
import static org.rapport.engine.customer.ChurnReason.TREATMENT;
import static org.rapport.engine.customer.ChurnReason.UNKNOWN;

import java.time.LocalDate;
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

class ReachAndReasonsTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reachIsMeasuredPerValueBandAndTheGapIsBestMinusWorst(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("H1", "high", null);
            facts.customer("H2", "high", null);
            facts.customer("L1", "low", null);
            facts.customer("L2", "low", null);
            facts.customer("L3", "low", null);
            facts.customer("L4", "low", null);
            facts.response("H1", "2026-10-02T10:00:00", 9, null);
            facts.response("H2", "2026-03-02T10:00:00", 9, null);
            facts.response("L1", "2026-10-02T10:00:00", 3, null);
            // reaches nobody, and hides nobody's reach: an answer of no customer among the window's
            facts.response(null, "2026-10-05T10:00:00", 10, null);
            // a day before the twelve months up to October's end
            facts.response("L2", "2025-10-31T23:59:59", 9, null);
        });

        List<Measurement> byBand = database.read(entityManager ->
                new VoiceOfCustomerMeasures(entityManager).surveyReach(OCTOBER)).stream()
                .filter(m -> m.dimension().startsWith("value_band=")).toList();

        // high: 2 of 2 = 100 %; low: 1 of 4 = 25 %; gap 75 points
        assertThat(byBand).extracting(Measurement::dimension, m -> m.value().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("value_band=high", "100.00"),
                        org.assertj.core.groups.Tuple.tuple("value_band=low", "25.00"));
        assertThat(VoiceOfCustomerMeasures.reachGap(byBand).value()).isEqualByComparingTo("75.00");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void effortIsTheMeanOfTheMonthsAnswers(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.response("A", "2026-10-02T10:00:00", 7);
            facts.response("B", "2026-10-03T10:00:00", 2);
            facts.response("C", "2026-10-04T10:00:00", 4);
            facts.response("D", "2026-09-04T10:00:00", 1);
        });

        Measurement effort = database.read(entityManager ->
                VoiceOfCustomerMeasuresTest.overall(new VoiceOfCustomerMeasures(entityManager).effort(OCTOBER)));

        assertThat(effort.value()).isEqualByComparingTo("4.33"); // (7 + 2 + 4) / 3
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void leaversReasonsAreSharesOfThoseWhoseReasonIsKnown(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.leaver("T1", LocalDate.of(2026, 10, 3), TREATMENT);
            facts.leaver("T2", LocalDate.of(2026, 10, 9), TREATMENT);
            facts.leaver("P1", LocalDate.of(2026, 10, 12), PRODUCT_OR_SERVICE);
            facts.leaver("B1", LocalDate.of(2026, 10, 20), BETTER_OFFER);
            facts.leaver("U1", LocalDate.of(2026, 10, 21), UNKNOWN);   // not known: left out of the shares
            facts.leaver("S1", LocalDate.of(2026, 9, 21), TREATMENT);  // September
        });

        Map<String, Measurement> shares = database.read(entityManager ->
                        new RetentionMeasures(entityManager).reasonShares(OCTOBER))
                .stream().collect(Collectors.toMap(Measurement::code, Function.identity()));

        assertThat(shares.get("CHURN_SHARE_TREATMENT").value()).isEqualByComparingTo("50.00");   // 2 of 4
        assertThat(shares.get("CHURN_SHARE_PRODUCT").value()).isEqualByComparingTo("25.00");
        assertThat(shares.get("CHURN_SHARE_BETTER_OFFER").value()).isEqualByComparingTo("25.00");
        assertThat(shares.get("CHURN_SHARE_DECEASED").value()).isEqualByComparingTo("0.00");
        assertThat(shares.get(KpiCatalogue.CHURN_CONTROLLABLE_SHARE).value()).isEqualByComparingTo("75.00");
        assertThat(shares.get(KpiCatalogue.CHURN_CONTROLLABLE_SHARE).sampleSize()).isEqualTo(4);
    }
}
