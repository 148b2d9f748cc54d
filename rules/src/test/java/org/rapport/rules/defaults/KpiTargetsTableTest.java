package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.rules.defaults.DefaultRules.evaluate;
import static org.rapport.rules.defaults.DefaultRules.inDimension;
import static org.rapport.rules.defaults.DefaultRules.overall;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.rules.facts.Direction;
import org.rapport.rules.facts.Kpi;

/** kpi-targets.drl.csv: the targets the strategy team owns, one row per KPI code. */
class KpiTargetsTableTest {

    @ParameterizedTest(name = "{0}: {1}, target {2}, amber limit {3}")
    @DisplayName("every catalogue KPI gets its direction, target and amber limit")
    @CsvSource({
            "NPS,                    HIGHER_IS_BETTER, 30,   10",
            "CSAT,                   HIGHER_IS_BETTER, 80,   70",
            "CHURN_RATE,             LOWER_IS_BETTER,  1.5,  2.5",
            "VALUE_LOST,             LOWER_IS_BETTER,  5000, 10000",
            "TIME_TO_HUMAN_MEAN,     LOWER_IS_BETTER,  3,    6",
            "TIME_TO_HUMAN_P90,      LOWER_IS_BETTER,  9.5,  12",
            "TIME_TO_HUMAN_OVER_9_5, LOWER_IS_BETTER,  10,   20",
            "IVR_ABANDONMENT,        LOWER_IS_BETTER,  5,    10",
            "SURVEY_REACH,           HIGHER_IS_BETTER, 40,   25",
    })
    void setsTargets(String code, Direction direction, BigDecimal target, BigDecimal amberLimit) {
        Kpi kpi = evaluate(overall(code, "1")).kpis().get(0);

        assertThat(kpi.getDirection()).isEqualTo(direction);
        assertThat(kpi.getTarget()).isEqualByComparingTo(target);
        assertThat(kpi.getAmberLimit()).isEqualByComparingTo(amberLimit);
    }

    @Test
    @DisplayName("a row applies to every dimension of its KPI code, not only the overall figure")
    void appliesToEveryDimension() {
        Kpi goldSegment = evaluate(inDimension("CHURN_RATE", "segment:gold", "1")).kpis().get(0);

        assertThat(goldSegment.getDirection()).isEqualTo(Direction.LOWER_IS_BETTER);
        assertThat(goldSegment.getTarget()).isEqualByComparingTo("1.5");
    }

    @Test
    @DisplayName("an unmeasured KPI still gets its target, so the pack can print it")
    void unmeasuredKpiGetsItsTarget() {
        Kpi csat = evaluate(overall("CSAT", null)).kpis().get(0);

        assertThat(csat.getTarget()).isEqualByComparingTo("80");
    }

    @Test
    @DisplayName("a KPI code with no row keeps no target")
    void unknownCodeHasNoTarget() {
        Kpi unknown = evaluate(overall("FIRST_CONTACT_RESOLUTION", "70")).kpis().get(0);

        assertThat(unknown.getTarget()).isNull();
        assertThat(unknown.getAmberLimit()).isNull();
    }
}
