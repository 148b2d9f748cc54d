package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.engagement.EngagementScoring;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class RunStepsTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();

    @TempDir
    Path packs;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunGradesTheMonthWithTheActiveRuleSetAndRecordsItsLineage(TestDatabase database) {
        on(database);
        octoberWithSlowCalls();
        database.write(entityManager -> Facts.store(entityManager).store(Facts.callsFile("f".repeat(64), 1)));

        long runId = measuredAndEvaluated(YearMonth.of(2026, 10));
        RunSnapshot snapshot = database.read(entityManager -> steps(entityManager).snapshot(runId, "Acme"));

        assertThat(snapshot.ruleSetVersion()).startsWith("v").contains("default");
        assertThat(snapshot.sourceBatches()).extracting(b -> b.sha256()).contains("f".repeat(64));
        KpiLine p90 = snapshot.kpis().stream().filter(k -> k.code().equals(KpiCatalogue.TIME_TO_HUMAN_P90))
                .findFirst().orElseThrow();
        assertThat(p90.value()).isEqualByComparingTo("15.00");
        assertThat(p90.target()).isEqualByComparingTo("9.5");
        assertThat(p90.rag()).isEqualTo("RED");
        assertThat(snapshot.kpis()).extracting(KpiLine::code).startsWith(KpiCatalogue.NPS);
        assertThat(snapshot.triggers()).extracting(t -> t.code()).contains("TRAPPED_IN_SELF_SERVICE");
        // customer A consented and was scored: the engagement index rests on that one score
        assertThat(snapshot.kpis()).filteredOn(k -> k.code().equals(KpiCatalogue.ENGAGEMENT_INDEX)
                        && k.dimension().equals("overall"))
                .singleElement().satisfies(index -> {
                    assertThat(index.value()).isNotNull();
                    assertThat(index.sampleSize()).isEqualTo(1);
                });
        assertThat(snapshot.triggers()).allSatisfy(t -> assertThat(t.evidence()).isNotBlank());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void doingAStepAgainAfterAnInterruptionNeverDuplicatesItsResults(TestDatabase database) {
        on(database);
        octoberWithSlowCalls();
        long runId = measuredAndEvaluated(YearMonth.of(2026, 10));
        long kpis = count("KpiValue");
        long triggers = count("Trigger");

        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {2},
                steps(entityManager).snapshot(runId, "Acme")));

        assertThat(count("KpiValue")).isEqualTo(kpis).isPositive();
        assertThat(count("Trigger")).isEqualTo(triggers).isPositive();
        assertThat(count("BoardPack")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void publishingWritesThePackAndMarksTheRunPublished(TestDatabase database) throws IOException {
        on(database);
        long runId = measuredAndEvaluated(YearMonth.of(2026, 10));
        byte[] pdf = "%PDF-1.7 a pack".getBytes();
        database.write(entityManager -> steps(entityManager).storeRendered(runId, pdf,
                steps(entityManager).snapshot(runId, "Acme")));

        BoardPack pack = database.read(entityManager -> steps(entityManager).publish(runId, packs));
        RunSnapshot rendered = database.read(entityManager -> steps(entityManager).snapshot(runId, "Acme"));

        Path file = packs.resolve("rapport-board-pack-2026-10-run-" + runId + ".pdf");
        assertThat(Files.readAllBytes(file)).isEqualTo(pdf);
        assertThat(pack.getSha256()).isEqualTo(PackFiles.sha256(pdf));
        RunStatus status = database.read(entityManager -> entityManager.find(Run.class, runId).getStatus());
        assertThat(status).isEqualTo(RunStatus.PUBLISHED);
        // the snapshot the pack was rendered from is archived beside it and reads back unchanged
        String archived = database.read(entityManager -> entityManager.find(BoardPack.class, pack.getId())
                .getSnapshotJson());
        assertThat(SnapshotArchive.fromJson(archived)).isEqualTo(rendered);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthHasAtMostOneRunInProgress(TestDatabase database) {
        on(database);
        long runId = database.read(entityManager ->
                steps(entityManager).create(YearMonth.of(2026, 10), RunOrigin.ON_DEMAND).getId());

        Optional<Long> running = database.read(entityManager ->
                steps(entityManager).inProgress(YearMonth.of(2026, 10)).map(Run::getId));
        assertThat(running).contains(runId);

        database.write(entityManager -> steps(entityManager).fail(runId, "RENDER: template broken"));
        Optional<Long> afterFailure = database.read(entityManager ->
                steps(entityManager).inProgress(YearMonth.of(2026, 10)).map(Run::getId));
        assertThat(afterFailure).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunThatFailsWhileScoringLeavesNoGroupedCallsBehind(TestDatabase database) {
        on(database);
        octoberWithSlowCalls();
        database.write(entityManager -> new Facts(entityManager).call("A", "2026-10-04T11:00:00", ANSWERED, "phone"));
        long runId = database.read(entityManager ->
                steps(entityManager).create(YearMonth.of(2026, 10), RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).measure(runId));
        boolean scoring = database.read(entityManager -> steps(entityManager).startScoring(runId));
        assertThat(scoring).isTrue();
        assertThat(EngagementScoring.holdsGroupedCalls(runId)).as("the calls grouped for the pages").isTrue();

        database.write(entityManager -> steps(entityManager).fail(runId, "SCORE: rules over their budget"));

        assertThat(EngagementScoring.holdsGroupedCalls(runId)).isFalse();
        RunStatus status = database.read(entityManager -> entityManager.find(Run.class, runId).getStatus());
        assertThat(status).isEqualTo(RunStatus.FAILED);
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
        long september = measuredAndEvaluated(YearMonth.of(2026, 9));
        database.write(entityManager -> steps(entityManager).storeRendered(september, new byte[] {1},
                steps(entityManager).snapshot(september, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(september, packs));
        long october = measuredAndEvaluated(YearMonth.of(2026, 10));

        List<KpiValue> nps = database.read(entityManager -> entityManager.createQuery(
                        "select k from KpiValue k where k.run.id = :run and k.code = 'NPS' and k.dimension = 'overall'",
                        KpiValue.class)
                .setParameter("run", october).getResultList());
        assertThat(nps).singleElement().satisfies(value -> {
            assertThat(value.getValue()).isEqualByComparingTo("-100");
            assertThat(value.getPrevious()).isEqualByComparingTo("100");
        });
    }

    /** Every caller who wanted a human waited 15 minutes: the P90 is far over 9.5. */
    private void octoberWithSlowCalls() {
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.response("A", "2026-10-02T10:00:00", 10, 5);
            facts.response("A", "2026-10-03T10:00:00", 2, 1);
            for (int day = 1; day <= 10; day++) {
                facts.call("2026-10-%02dT09:00:00".formatted(day), 300, 600, ANSWERED, true);
            }
        });
    }

    private long measuredAndEvaluated(YearMonth month) {
        long runId = database.read(entityManager -> steps(entityManager).create(month, RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).closeIntake(runId));
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).score(runId, scored -> { }));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        return runId;
    }

    private long count(String entity) {
        return database.read(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
