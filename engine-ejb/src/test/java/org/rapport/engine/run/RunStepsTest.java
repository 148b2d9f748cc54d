package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.RunSnapshotReader;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class RunStepsTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunGradesTheMonthWithTheActiveRuleSetAndRecordsItsLineage(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.response("A", "2026-10-02T10:00:00", 10, 5);
            facts.response("A", "2026-10-03T10:00:00", 2, 1);
            // Every caller who wanted a human waited 15 minutes: the P90 is far over 9.5.
            for (int day = 1; day <= 10; day++) {
                facts.call("2026-10-%02dT09:00:00".formatted(day), 300, 600, ANSWERED, true);
            }
        });
        database.write(entityManager -> Facts.store(entityManager).store(Facts.callsFile("f".repeat(64), 1)));

        long runId = database.read(entityManager -> steps(entityManager).start(YearMonth.of(2026, 10)).getId());
        database.write(entityManager -> steps(entityManager).measureAndEvaluate(runId));
        RunSnapshot snapshot = database.read(entityManager -> new RunSnapshotReader(entityManager).read(runId, "Acme"));

        assertThat(snapshot.ruleSetVersion()).startsWith("v").contains("default");
        assertThat(snapshot.sourceBatches()).extracting(b -> b.sha256()).contains("f".repeat(64));
        KpiLine p90 = snapshot.kpis().stream().filter(k -> k.code().equals(KpiCatalogue.TIME_TO_HUMAN_P90))
                .findFirst().orElseThrow();
        assertThat(p90.value()).isEqualByComparingTo("15.00");
        assertThat(p90.target()).isEqualByComparingTo("9.5");
        assertThat(p90.rag()).isEqualTo("RED");
        assertThat(snapshot.kpis()).extracting(KpiLine::code).startsWith(KpiCatalogue.NPS);
        assertThat(snapshot.triggers()).extracting(t -> t.code()).contains("TRAPPED_IN_SELF_SERVICE");
        assertThat(snapshot.triggers()).allSatisfy(t -> assertThat(t.evidence()).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lastMonthsPublishedFiguresBecomeThisMonthsPrevious(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.response("A", "2026-09-02T10:00:00", 10, 5);
            facts.response("A", "2026-10-02T10:00:00", 0, 1);
        });
        long september = database.read(entityManager -> steps(entityManager).start(YearMonth.of(2026, 9)).getId());
        database.write(entityManager -> {
            steps(entityManager).measureAndEvaluate(september);
            steps(entityManager).publish(september, new byte[] {1}, "00", "/tmp/x.pdf");
        });
        long october = database.read(entityManager -> steps(entityManager).start(YearMonth.of(2026, 10)).getId());
        database.write(entityManager -> steps(entityManager).measureAndEvaluate(october));

        List<KpiValue> nps = database.read(entityManager -> entityManager.createQuery(
                        "select k from KpiValue k where k.run.id = :run and k.code = 'NPS'", KpiValue.class)
                .setParameter("run", october).getResultList());
        assertThat(nps).singleElement().satisfies(value -> {
            assertThat(value.getValue()).isEqualByComparingTo("-100");
            assertThat(value.getPrevious()).isEqualByComparingTo("100");
        });
    }

    private static RunSteps steps(jakarta.persistence.EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
