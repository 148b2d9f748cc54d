package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.rules.defaults.DefaultRules.evaluate;
import static org.rapport.rules.defaults.DefaultRules.inDimension;
import static org.rapport.rules.defaults.DefaultRules.overall;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.Rag;

/** kpi-status.drl: green on target, amber within the amber limit, red beyond it, none without data. */
class KpiStatusRulesTest {

    @ParameterizedTest(name = "NPS {0} is {1}")
    @DisplayName("a higher-is-better KPI (NPS: target 30, amber limit 10)")
    @CsvSource({
            "55,   GREEN",
            "30,   GREEN", // exactly on target
            "29.9, AMBER",
            "10,   AMBER", // exactly on the amber limit
            "9.9,  RED",
            "-20,  RED",
    })
    void gradesHigherIsBetter(String nps, Rag expected) {
        assertThat(graded("NPS", nps)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "churn rate {0}% is {1}")
    @DisplayName("a lower-is-better KPI (churn rate: target 1.5%, amber limit 2.5%)")
    @CsvSource({
            "0,    GREEN",
            "1.5,  GREEN", // exactly on target
            "1.51, AMBER",
            "2.5,  AMBER", // exactly on the amber limit
            "2.51, RED",
    })
    void gradesLowerIsBetter(String churnRate, Rag expected) {
        assertThat(graded("CHURN_RATE", churnRate)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a KPI with no data this month stays NONE")
    void unmeasuredKpiStaysNone() {
        assertThat(graded("CSAT", null)).isEqualTo(Rag.NONE);
    }

    @Test
    @DisplayName("a KPI code without a target stays NONE")
    void unknownKpiStaysNone() {
        assertThat(graded("NOT_IN_THE_CATALOGUE", "70")).isEqualTo(Rag.NONE);
    }

    @Test
    @DisplayName("every dimension is graded, each on its own value")
    void gradesEveryDimension() {
        var evaluation = evaluate(
                overall("IVR_ABANDONMENT", "4"),
                inDimension("IVR_ABANDONMENT", "channel=phone", "7"),
                inDimension("IVR_ABANDONMENT", "segment=basic", "12"));

        assertThat(evaluation.kpis()).extracting(Kpi::getDimension, Kpi::getRag).containsExactly(
                tuple(Kpi.OVERALL, Rag.GREEN),
                tuple("channel=phone", Rag.AMBER),
                tuple("segment=basic", Rag.RED));
    }

    private static Rag graded(String code, String value) {
        return evaluate(overall(code, value)).kpis().get(0).getRag();
    }
}
