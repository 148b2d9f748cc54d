package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.action.ActionStatusChange;
import org.rapport.engine.action.ActionTracker;
import org.rapport.engine.action.SampleStatusPlan;
import org.rapport.engine.action.SampleTeam;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.TriggerLine;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.filedrop.IntakeFolder;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.SourceDefinition;

/**
 * The sample team's follow-up of September 2026's action points ({@code sample-data/action-status/2026-09.json}):
 * the sample stored through the real intake, August and September run and published with the default rules, the
 * plan made through the status service the API uses, and October's snapshot (what its pack's follow-up table
 * prints) lists each of them with the status the sample set. Would fail if the sample's data or the default rules
 * stopped raising an action point the plan names.
 */
class SampleActionStatusesTest {

    private static final Path PLAN = SampleDataIsReproducibleTest.COMMITTED.resolve("action-status/2026-09.json");
    private static final RuleEngine RULES = new RuleEngine();

    private static ResourceLocalStore store;
    private static SampleStatusPlan plan;
    private static List<String> septemberRaised;
    private static int made;
    private static RunSnapshot october;
    private static Map<String, List<ActionStatusChange>> history;

    @BeforeAll
    static void runTheAutumnWithTheSampleTeam(@TempDir Path dataDir) throws Exception {
        store = ResourceLocalStore.inMemoryH2("sample-action-status");
        TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
        for (IntakeFolder folder : IntakeFolder.canonical()) {
            for (Path file : SampleYearMeasuresTest.files(SampleDataIsReproducibleTest.COMMITTED.resolve(folder.name()))) {
                SampleYearMeasuresTest.store(intake, folder.format(), file);
            }
        }
        for (SourceDefinition definition : SampleYearMeasuresTest.sampleSources(dataDir)) {
            IntakeFormat format = FormatCatalog.standard().bind(definition, CustomerDirectory.NONE);
            for (Path file : SampleYearMeasuresTest.files(SampleDataIsReproducibleTest.COMMITTED.resolve(definition.name()))) {
                SampleYearMeasuresTest.store(intake, format, file);
            }
        }
        Path packs = Files.createDirectories(dataDir.resolve("packs"));
        publish(run(YearMonth.of(2026, 8)), packs);
        long september = run(YearMonth.of(2026, 9));
        publish(september, packs);
        septemberRaised = store.inNewTransaction(entityManager -> new ActionTracker(entityManager, Clock.systemUTC())
                .actionsOf(september).stream().map(action -> action.code() + " " + action.status()).toList());

        plan = SampleStatusPlan.read(PLAN);
        made = store.inNewTransaction(entityManager -> new SampleTeam(entityManager,
                new ActionTracker(entityManager, Clock.systemUTC())::change).apply(plan, september));
        history = store.inNewTransaction(entityManager -> historyOf(entityManager, september));

        long octoberRun = run(YearMonth.of(2026, 10));
        october = store.inNewTransaction(entityManager -> steps(entityManager).snapshot(octoberRun, "Sample"));
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void everyChangeOfThePlanIsMadeToAnActionPointSeptemberRaised() {
        assertThat(plan.month()).isEqualTo(YearMonth.of(2026, 9));
        assertThat(plan.by()).isEqualTo("sample-data");
        assertThat(made).as("changes made; September raised %s", septemberRaised).isEqualTo(plan.changes().size());
    }

    @Test
    void eachChangeIsRecordedAsTheSampleUsersWithItsNote() {
        plan.changes().forEach(change -> assertThat(history.get(change.action())).as(change.action())
                .anySatisfy(recorded -> {
                    assertThat(recorded.getTo().name()).isEqualTo(change.status().name());
                    assertThat(recorded.getChangedBy()).isEqualTo("sample-data");
                    assertThat(recorded.getNote()).isEqualTo(change.note());
                }));
    }

    @Test
    void octobersFollowUpListsSeptembersActionPointsWithTheStatusesTheSampleSet() {
        Map<String, String> finalStatus = plan.changes().stream().collect(Collectors.toMap(
                SampleStatusPlan.Change::action, change -> change.status().name(), (first, later) -> later));
        List<TriggerLine> followedUp = october.actions().lastMonthActions();

        assertThat(followedUp).as("October follows September's action points up").isNotEmpty();
        finalStatus.forEach((code, status) -> assertThat(followedUp).filteredOn(line -> line.code().equals(code))
                .extracting(TriggerLine::status).as(code).containsExactly(status));
        assertThat(followedUp).extracting(TriggerLine::status).as("the others are still open").contains("OPEN");
        assertThat(followedUp).allSatisfy(line -> assertThat(line.followUp()).as(line.code()).isNotNull());
    }

    private static Map<String, List<ActionStatusChange>> historyOf(EntityManager entityManager, long runId) {
        return entityManager.createQuery("select c from ActionStatusChange c where c.action.run.id = :run"
                        + " order by c.changedAt, c.id", ActionStatusChange.class)
                .setParameter("run", runId)
                .getResultStream()
                .collect(Collectors.groupingBy(change -> change.getAction().getCode()));
    }

    private static long run(YearMonth month) {
        long runId = store.inNewTransaction(entityManager -> steps(entityManager).create(month, RunOrigin.ON_DEMAND)
                .getId());
        store.inNewTransaction(entityManager -> {
            steps(entityManager).closeIntake(runId);
            return null;
        });
        store.inNewTransaction(entityManager -> {
            steps(entityManager).measure(runId);
            return null;
        });
        store.inNewTransaction(entityManager -> steps(entityManager).score(runId, scored -> { }));
        store.inNewTransaction(entityManager -> {
            steps(entityManager).evaluate(runId);
            return null;
        });
        return runId;
    }

    private static void publish(long runId, Path packs) {
        store.inNewTransaction(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Sample")));
        store.inNewTransaction(entityManager -> steps(entityManager).publish(runId, packs));
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
