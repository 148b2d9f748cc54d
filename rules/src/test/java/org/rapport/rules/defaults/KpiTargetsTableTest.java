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
import org.rapport.rules.facts.Rag;

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
            "EFFORT,                 HIGHER_IS_BETTER, 5.5,  4.5",
            "SURVEY_REACH_GAP,       LOWER_IS_BETTER,  10,   20",
            "CLOSED_LOOP,            HIGHER_IS_BETTER, 90,   75",
            "ENGAGEMENT_INDEX,       HIGHER_IS_BETTER, 60,   50",
            "ENGAGED_SHARE,          HIGHER_IS_BETTER, 50,   40",
            "STAGE_UP_SHARE,         HIGHER_IS_BETTER, 10,   5",
            "STAGE_DOWN_SHARE,       LOWER_IS_BETTER,  5,    10",
            "CHURN_SHARE_TREATMENT,  LOWER_IS_BETTER,  68,   75",
            "CHURN_SHARE_PRODUCT,    LOWER_IS_BETTER,  14,   20",
            "CHURN_SHARE_BETTER_OFFER, LOWER_IS_BETTER, 9,   15",
            "CHURN_SHARE_SERIAL_SWITCHER, HIGHER_IS_BETTER, 5, 0",
            "CHURN_SHARE_STOPPED_USING,   HIGHER_IS_BETTER, 3, 0",
            "CHURN_SHARE_DECEASED,        HIGHER_IS_BETTER, 1, 0",
            "CHURN_CONTROLLABLE_SHARE, LOWER_IS_BETTER, 82,  90",
            "COST_TO_SERVE,          LOWER_IS_BETTER,  4,    6",
            "REIDENTIFIED_AFTER_TRANSFER, LOWER_IS_BETTER, 5, 15",
            "AVERAGE_SPEED_OF_ANSWER, LOWER_IS_BETTER, 30,   60",
            "SERVICE_LEVEL,          HIGHER_IS_BETTER, 80,   70",
            "QUEUE_ABANDONMENT,      LOWER_IS_BETTER,  5,    10",
            "NO_HISTORY,             LOWER_IS_BETTER,  5,    15",
            "PREFERRED_CHANNEL,      HIGHER_IS_BETTER, 80,   65",
            "FIRST_CONTACT_RESOLUTION, HIGHER_IS_BETTER, 75, 65",
            "REPEAT_CONTACT_RATE,    LOWER_IS_BETTER,  10,   20",
    })
    void setsTargets(String code, Direction direction, BigDecimal target, BigDecimal amberLimit) {
        Kpi kpi = evaluate(overall(code, "1")).kpis().get(0);

        assertThat(kpi.getDirection()).isEqualTo(direction);
        assertThat(kpi.getTarget()).isEqualByComparingTo(target);
        assertThat(kpi.getAmberLimit()).isEqualByComparingTo(amberLimit);
    }

    @Test
    @DisplayName("an uncontrollable churn reason below the baseline is amber at worst, never red")
    void uncontrollableChurnReasonNeverRed() {
        assertThat(evaluate(overall("CHURN_SHARE_DECEASED", "0")).kpis().get(0).getRag()).isEqualTo(Rag.AMBER);
        assertThat(evaluate(overall("CHURN_SHARE_SERIAL_SWITCHER", "7")).kpis().get(0).getRag()).isEqualTo(Rag.GREEN);
    }

    @Test
    @DisplayName("a row applies to every dimension of its KPI code, not only the overall figure")
    void appliesToEveryDimension() {
        Kpi goldSegment = evaluate(inDimension("CHURN_RATE", "segment=gold", "1")).kpis().get(0);

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
        Kpi unknown = evaluate(overall("NOT_IN_THE_CATALOGUE", "70")).kpis().get(0);

        assertThat(unknown.getTarget()).isNull();
        assertThat(unknown.getAmberLimit()).isNull();
    }
}
