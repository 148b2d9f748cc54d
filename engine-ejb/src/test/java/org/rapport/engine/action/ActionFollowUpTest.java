package org.rapport.engine.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.run.SnapshotArchive;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.TriggerLine;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * When October's run evaluates, September's action points are followed up from the data — still firing or
 * no longer firing — beside the status the team gave them, which the data never overwrites. Both months are
 * measured and evaluated by the real run steps with the default rule set.
 */
class ActionFollowUpTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String TRAPPED = "TRAPPED_IN_SELF_SERVICE";
    private static final String IVR = "IVR_ABANDONMENT";
    private static final String NPS = "NPS_BELOW_TARGET";

    @TempDir
    Path packs;

    private long september;
    private long october;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lastMonthsActionsAreMarkedStillFiringOrNoLongerFiringBesideTheTeamsStatus(TestDatabase database)
            throws Exception {
        on(database);
        septemberPublishedAndFollowedUpByTheTeam();

        october = measuredAndEvaluated(OCTOBER);

        // callers are still trapped in October, but nobody abandons in the IVR any more
        Map<String, ActionLine> followedUp = byCode(actionsOf(september));
        assertThat(followedUp.get(TRAPPED)).extracting(ActionLine::status, ActionLine::nextMonth,
                ActionLine::nextMonthRunId).containsExactly(ActionStatus.DONE, FollowUpSignal.STILL_FIRING, october);
        assertThat(followedUp.get(IVR)).extracting(ActionLine::status, ActionLine::nextMonth)
                .containsExactly(ActionStatus.IN_PROGRESS, FollowUpSignal.NO_LONGER_FIRING);
        // October's own: the trapped callers continue September's action, the detractors are new
        Map<String, ActionLine> raised = byCode(actionsOf(october));
        assertThat(raised.get(TRAPPED).recurring()).isTrue();
        assertThat(raised.get(NPS).recurring()).isFalse();
        assertThat(raised.get(TRAPPED).status()).isEqualTo(ActionStatus.OPEN);

        RunSnapshot snapshot = database.read(entityManager -> steps(entityManager).snapshot(october, "Acme"));
        assertThat(snapshot.actions().lastMonthActions())
                .extracting(TriggerLine::code, TriggerLine::status, TriggerLine::followUp)
                .contains(tuple(TRAPPED, "DONE", TriggerLine.STILL_FIRING),
                        tuple(IVR, "IN_PROGRESS", TriggerLine.NO_LONGER_FIRING));
        assertThat(snapshot.triggers()).filteredOn(trigger -> trigger.code().equals(TRAPPED)).singleElement()
                .extracting(TriggerLine::recurring).isEqualTo(true);
        assertThat(snapshot.triggers()).filteredOn(trigger -> trigger.code().equals(NPS)).singleElement()
                .extracting(TriggerLine::recurring).isEqualTo(false);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void evaluatingTheMonthAgainFollowsUpAgainWithoutDuplicates(TestDatabase database) throws Exception {
        on(database);
        septemberPublishedAndFollowedUpByTheTeam();
        october = measuredAndEvaluated(OCTOBER);

        database.write(entityManager -> steps(entityManager).evaluate(october));

        long followUps = database.read(entityManager -> entityManager
                .createQuery("select count(f) from ActionFollowUp f", Long.class).getSingleResult());
        // one finding per September action point (slow answers also raised "waiting too long" in both months)
        assertThat(followUps).isEqualTo(actionsOf(september).size()).isGreaterThanOrEqualTo(2);
        assertThat(byCode(actionsOf(september)).get(TRAPPED).nextMonth()).isEqualTo(FollowUpSignal.STILL_FIRING);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theArchivedSnapshotKeepsTheStatusesThePackWasPublishedWith(TestDatabase database) throws Exception {
        on(database);
        septemberPublishedAndFollowedUpByTheTeam();
        october = measuredAndEvaluated(OCTOBER);
        publish(october);
        long trapped = byCode(actionsOf(september)).get(TRAPPED).id();

        // after the pack went out, the team takes the trapped callers up again
        database.write(entityManager -> change(entityManager, september, trapped, ActionStatus.IN_PROGRESS,
                "the new menu did not help"));

        RunSnapshot archived = database.read(entityManager -> SnapshotArchive.fromJson(entityManager.createQuery(
                        "select p.snapshotJson from BoardPack p where p.run.id = :run", String.class)
                .setParameter("run", october).getSingleResult()));
        RunSnapshot now = database.read(entityManager -> steps(entityManager).snapshot(october, "Acme"));
        assertThat(statusOf(archived, TRAPPED)).isEqualTo("DONE");
        assertThat(statusOf(now, TRAPPED)).isEqualTo("IN_PROGRESS");
    }

    /**
     * September: every call that wanted an agent waited 15 minutes and a third of the calls were abandoned in
     * the IVR. The team marks the trapped callers done and the IVR abandonment in progress.
     */
    private void septemberPublishedAndFollowedUpByTheTeam() throws Exception {
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.response("A", "2026-09-02T10:00:00", 10, 5);
            facts.response("A", "2026-10-02T10:00:00", 2, 1);
            for (int day = 1; day <= 10; day++) {
                facts.call("2026-09-%02dT09:00:00".formatted(day), 300, 600, ANSWERED, true);
                facts.call("2026-10-%02dT09:00:00".formatted(day), 300, 600, ANSWERED, true);
            }
            for (int day = 11; day <= 15; day++) {
                facts.call("2026-09-%02dT09:00:00".formatted(day), 200, 0, ABANDONED_IN_IVR, true);
            }
        });
        september = measuredAndEvaluated(SEPTEMBER);
        publish(september);
        Map<String, ActionLine> actions = byCode(actionsOf(september));
        assertThat(actions).containsKeys(TRAPPED, IVR).doesNotContainKey(NPS);
        database.write(entityManager -> {
            change(entityManager, september, actions.get(TRAPPED).id(), ActionStatus.DONE, "IVR menu shortened");
            change(entityManager, september, actions.get(IVR).id(), ActionStatus.IN_PROGRESS, null);
        });
    }

    private static void change(EntityManager entityManager, long run, long action, ActionStatus next, String note) {
        try {
            new ActionTracker(entityManager, Clock.systemUTC()).change(run, action, next, note, "anonymous")
                    .orElseThrow();
        } catch (ActionStatusRefusedException e) {
            throw new AssertionError(e);
        }
    }

    private long measuredAndEvaluated(YearMonth month) {
        long runId = database.read(entityManager -> steps(entityManager).create(month, RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).closeIntake(runId));
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).score(runId, scored -> { }));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        return runId;
    }

    private void publish(long runId) {
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(runId, packs));
    }

    private List<ActionLine> actionsOf(long runId) {
        return database.read(entityManager -> new ActionTracker(entityManager, Clock.systemUTC()).actionsOf(runId));
    }

    private static Map<String, ActionLine> byCode(List<ActionLine> actions) {
        return actions.stream().collect(Collectors.toMap(ActionLine::code, action -> action));
    }

    private static String statusOf(RunSnapshot snapshot, String code) {
        return snapshot.actions().lastMonthActions().stream().filter(action -> action.code().equals(code))
                .findFirst().orElseThrow().status();
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
