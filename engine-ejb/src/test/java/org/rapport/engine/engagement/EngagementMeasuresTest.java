package org.rapport.engine.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.Run;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class EngagementMeasuresTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void engagementKpisAreWorkedOutFromTheRunsScoresAgainstLastMonthsPublishedRun(TestDatabase database) {
        on(database);
        long runId = database.read(em -> {
            EngagementFixtures f = new EngagementFixtures(em);
            f.customer("X", "2020-01-01", null, "retail", "high", true);
            f.customer("Y", "2020-01-01", null, "retail", "low", true);
            f.customer("Z", "2020-01-01", null, "business", "high", true);
            f.customer("V", "2020-01-01", null, null, "low", true);
            RuleSetVersion rules = f.rules();
            Run september = f.run(rules, YearMonth.of(2026, 9), "PUBLISHED");
            f.score(september, "X", "regular", "50");
            f.score(september, "Y", "casual", "30");
            f.score(september, "Z", "loyal", "70");
            f.score(september, "W", "advocate", "95");  // not scored in October
            Run failed = f.run(rules, YearMonth.of(2026, 9), "FAILED");
            f.score(failed, "X", "advocate", "99");     // a failed run is never compared against
            Run august = f.run(rules, YearMonth.of(2026, 8), "PUBLISHED");
            f.score(august, "Z", "unengaged", "5");     // nor is an older month
            Run october = f.run(rules, YearMonth.of(2026, 10), "RUNNING");
            f.score(october, "X", "loyal", "80");       // up
            f.score(october, "Y", "unengaged", "10");   // down
            f.score(october, "Z", "loyal", "70");       // same
            f.score(october, "V", "regular", "40");     // first scored
            return october.getId();
        });

        List<Measurement> measured = database.read(em -> new EngagementMeasures(em).measure(runId));

        // slices: segment business Z, retail X and Y (V has none); value band high X and Z, low Y and V
        assertThat(measured).extracting(Measurement::code, Measurement::dimension, Measurement::sampleSize,
                        m -> m.value().toPlainString())
                .containsExactly(
                        tuple(KpiCatalogue.ENGAGEMENT_INDEX, "overall", 4L, "50.00"),          // (80 + 10 + 70 + 40) / 4
                        tuple(KpiCatalogue.ENGAGEMENT_INDEX, "segment=business", 1L, "70.00"), // Z
                        tuple(KpiCatalogue.ENGAGEMENT_INDEX, "segment=retail", 2L, "45.00"),   // (80 + 10) / 2
                        tuple(KpiCatalogue.ENGAGEMENT_INDEX, "value_band=high", 2L, "75.00"),  // (80 + 70) / 2
                        tuple(KpiCatalogue.ENGAGEMENT_INDEX, "value_band=low", 2L, "25.00"),   // (10 + 40) / 2
                        tuple(KpiCatalogue.ENGAGED_SHARE, "overall", 4L, "75.00"),             // X loyal, Z loyal, V regular
                        tuple(KpiCatalogue.ENGAGED_SHARE, "segment=business", 1L, "100.00"),
                        tuple(KpiCatalogue.ENGAGED_SHARE, "segment=retail", 2L, "50.00"),      // X, not Y
                        tuple(KpiCatalogue.ENGAGED_SHARE, "value_band=high", 2L, "100.00"),
                        tuple(KpiCatalogue.ENGAGED_SHARE, "value_band=low", 2L, "50.00"),      // V, not Y
                        tuple(KpiCatalogue.STAGE_UP_SHARE, "overall", 4L, "25.00"),            // X
                        tuple(KpiCatalogue.STAGE_UP_SHARE, "segment=business", 1L, "0.00"),
                        tuple(KpiCatalogue.STAGE_UP_SHARE, "segment=retail", 2L, "50.00"),
                        tuple(KpiCatalogue.STAGE_UP_SHARE, "value_band=high", 2L, "50.00"),
                        tuple(KpiCatalogue.STAGE_UP_SHARE, "value_band=low", 2L, "0.00"),
                        tuple(KpiCatalogue.STAGE_DOWN_SHARE, "overall", 4L, "25.00"),          // Y
                        tuple(KpiCatalogue.STAGE_DOWN_SHARE, "segment=business", 1L, "0.00"),
                        tuple(KpiCatalogue.STAGE_DOWN_SHARE, "segment=retail", 2L, "50.00"),
                        tuple(KpiCatalogue.STAGE_DOWN_SHARE, "value_band=high", 2L, "0.00"),
                        tuple(KpiCatalogue.STAGE_DOWN_SHARE, "value_band=low", 2L, "50.00"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutLastMonthsPublishedRunThereIsNoStageMovement(TestDatabase database) {
        on(database);
        long runId = database.read(em -> {
            EngagementFixtures f = new EngagementFixtures(em);
            RuleSetVersion rules = f.rules();
            Run september = f.run(rules, YearMonth.of(2026, 9), "RUNNING");
            f.score(september, "X", "casual", "20");
            Run october = f.run(rules, YearMonth.of(2026, 10), "RUNNING");
            f.score(october, "X", "advocate", "91");
            f.score(october, "Y", "casual", "20");
            return october.getId();
        });

        List<Measurement> measured = database.read(em -> new EngagementMeasures(em).measure(runId));

        assertThat(measured).extracting(Measurement::code, Measurement::value)
                .containsExactly(
                        tuple(KpiCatalogue.ENGAGEMENT_INDEX, new BigDecimal("55.50")),
                        tuple(KpiCatalogue.ENGAGED_SHARE, new BigDecimal("50.00")),
                        tuple(KpiCatalogue.STAGE_UP_SHARE, null),
                        tuple(KpiCatalogue.STAGE_DOWN_SHARE, null));
    }
}
