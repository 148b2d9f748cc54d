package org.rapport.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;

/** The sections that follow from a run's KPI lines and triggers alone. */
class SnapshotSectionsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static KpiLine kpi(String code, String dimension, String value, String previous) {
        KpiDefinition definition = KpiTraits.definition(code);
        return new KpiLine(code, definition.name(), definition.unit(), dimension,
                value == null ? null : new BigDecimal(value), null, "NONE",
                previous == null ? null : new BigDecimal(previous), 10, null);
    }

    @Test
    @DisplayName("the direction table agrees with every catalogue definition that says which way is better")
    void directions() {
        for (KpiDefinition definition : KpiCatalogue.all()) {
            KpiTraits.fromWording(definition.definition()).ifPresent(worded -> assertThat(
                    KpiTraits.direction(definition.code())).as(definition.code()).contains(worded));
        }
        assertThat(KpiTraits.direction("NPS")).contains(KpiDirection.HIGHER_IS_BETTER);
        assertThat(KpiTraits.direction("CHURN_RATE")).contains(KpiDirection.LOWER_IS_BETTER);
        assertThat(KpiTraits.direction("CHURN_SHARE_TREATMENT")).isEmpty();
        assertThat(KpiTraits.direction("NO_SUCH_KPI")).isEmpty();
    }

    @Test
    @DisplayName("improvements and declines are direction-aware and ranked by the size of the change relative to last month")
    void movements() {
        Movements movements = SnapshotSections.movements(List.of(
                kpi("NPS", "overall", "20", "12"),                      // +8 of 12: better by 67 %
                kpi("CSAT", "overall", "70", "70"),                     // unchanged
                kpi("CHURN_RATE", "overall", "1.9", "2"),               // lower is better: better by 5 %
                kpi("VALUE_LOST", "overall", "9000", "6000"),           // worse by 50 %
                kpi("TIME_TO_HUMAN_P90", "overall", "8", "10"),         // better by 20 %
                kpi("IVR_ABANDONMENT", "overall", "12", "6"),           // worse by 100 %
                kpi("SURVEY_REACH", "value_band=low", "90", "10"),      // a slice: not a board-level movement
                kpi("SURVEY_REACH", "overall", "40", null),             // nothing to compare with
                kpi("MYSTERY", "overall", "1", "2")));                  // no known direction

        assertThat(movements.comparable()).isEqualTo(6);
        assertThat(movements.improvements()).extracting(KpiMovement::code, KpiMovement::change).containsExactly(
                tuple("NPS", new BigDecimal("8.0")), tuple("TIME_TO_HUMAN_P90", new BigDecimal("-2.0")),
                tuple("CHURN_RATE", new BigDecimal("-0.1")));
        assertThat(movements.declines()).extracting(KpiMovement::code).containsExactly("IVR_ABANDONMENT", "VALUE_LOST");
        assertThat(movements.declines()).allSatisfy(movement -> assertThat(movement.improved()).isFalse());
    }

    @Test
    @DisplayName("a movement is the difference of the figures as shown, and one too small to show is none")
    void movementsBetweenShownFigures() {
        Movements movements = SnapshotSections.movements(List.of(
                kpi("CHURN_RATE", "overall", "2.64", "2.56"),            // 2.6 % both months: no movement
                kpi("NPS", "overall", "20.04", "11.96")));              // 20.0 against 12.0: +8.0, not +8.1

        assertThat(movements.declines()).isEmpty();
        assertThat(movements.improvements()).extracting(KpiMovement::code, KpiMovement::change)
                .containsExactly(tuple("NPS", new BigDecimal("8.0")));
    }

    @Test
    @DisplayName("every headline has a tile, with a twelve-month trend ending this month and gaps as nulls")
    void headlines() {
        List<HeadlineTile> tiles = SnapshotSections.headlines(OCTOBER, List.of(kpi("NPS", "overall", "20", "12")),
                Map.of("NPS", List.of(new TrendPoint(YearMonth.of(2025, 11), new BigDecimal("5")),
                        new TrendPoint(YearMonth.of(2026, 9), new BigDecimal("12")))));

        assertThat(tiles).extracting(HeadlineTile::code).containsExactlyElementsOf(KpiTraits.HEADLINE_CODES);
        HeadlineTile nps = tiles.get(1);
        assertThat(nps.trend()).hasSize(12).extracting(TrendPoint::month)
                .startsWith(YearMonth.of(2025, 11)).endsWith(OCTOBER);
        assertThat(nps.trend()).extracting(TrendPoint::value)
                .containsExactly(new BigDecimal("5"), null, null, null, null, null, null, null, null, null,
                        new BigDecimal("12"), new BigDecimal("20"));
        HeadlineTile engagement = tiles.get(0);
        assertThat(engagement.name()).isEqualTo("Engagement index");
        assertThat(engagement.hasValue()).isFalse();
        assertThat(engagement.trend()).hasSize(12).allSatisfy(point -> assertThat(point.value()).isNull());
    }

    @Test
    @DisplayName("the scorecard names all five moments and the companion measures, measured or not")
    void momentsOfTruth() {
        List<MomentOfTruthLine> lines = SnapshotSections.momentsOfTruth(List.of(
                kpi("IVR_ABANDONMENT", "overall", "8", null),
                kpi("TIME_TO_HUMAN_P90", "overall", "10", null),
                kpi("NPS", "overall", "20", null)));

        assertThat(lines).extracting(MomentOfTruthLine::moment, line -> line.kpi() == null ? null : line.kpi().code())
                .containsExactly(tuple(1, null), tuple(2, "TIME_TO_HUMAN_P90"), tuple(2, "IVR_ABANDONMENT"),
                        tuple(3, null), tuple(4, null), tuple(5, null), tuple(6, null));
    }

    @Test
    @DisplayName("action points come under all three pillars, most severe first; a pillar of its own is kept")
    void actionPoints() {
        TriggerLine low = TriggerLine.open("A", "a", "TECHNOLOGY", "LOW", "e");
        TriggerLine high = TriggerLine.open("B", "b", "TECHNOLOGY", "HIGH", "e");
        TriggerLine odd = TriggerLine.open("C", "c", "PARTNERS", "MEDIUM", "e");

        ActionPoints actions = SnapshotSections.actionPoints(OCTOBER, List.of(low, high, odd), false, List.of());

        assertThat(actions.byPillar()).extracting(ActionPoints.Pillar::pillar)
                .containsExactly("STAFF", "PROCESS", "TECHNOLOGY", "PARTNERS");
        assertThat(actions.byPillar().get(2).triggers()).containsExactly(high, low);
        assertThat(actions.lastMonth()).isEqualTo(YearMonth.of(2026, 9));
    }

    @Test
    @DisplayName("coverage lists every source kind, those that delivered nothing with no files")
    void coverage() {
        List<Appendix.Coverage> coverage = SnapshotSections.coverage(List.of(
                new BatchLine("CALLS", "a.csv", "x", 10, 1), new BatchLine("CALLS", "b.csv", "y", 5, 0)));

        assertThat(coverage).extracting(Appendix.Coverage::kind, Appendix.Coverage::files,
                        Appendix.Coverage::rowsAccepted, Appendix.Coverage::rowsQuarantined)
                .containsExactly(tuple("CUSTOMERS", 0, 0L, 0L), tuple("PURCHASES", 0, 0L, 0L),
                        tuple("SERVICE_CASES", 0, 0L, 0L), tuple("CALLS", 2, 15L, 1L),
                        tuple("SURVEY_RESPONSES", 0, 0L, 0L));
    }
}
