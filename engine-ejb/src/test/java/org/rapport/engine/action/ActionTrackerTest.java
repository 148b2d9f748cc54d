package org.rapport.engine.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.Trigger;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** The CCO's team follows an action point up: OPEN → IN_PROGRESS → DONE (or DROPPED), every change audited. */
class ActionTrackerTest extends PersistenceSpec {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant MONDAY = Instant.parse("2026-11-09T09:15:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-10T16:40:00Z");

    private long runId;
    private long actionId;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theTeamMovesAnActionOnAndEveryChangeIsAuditedWithWhoWhenAndWhy(TestDatabase database) throws Exception {
        on(database);
        publishedOctoberWithOneAction(database);

        change(MONDAY, ActionStatus.IN_PROGRESS, "IVR menu redesign booked with the vendor", "anonymous");
        ActionLine done = change(TUESDAY, ActionStatus.DONE, null, "cco.team").orElseThrow();

        assertThat(done.status()).isEqualTo(ActionStatus.DONE);
        assertThat(done.statusChangedAt()).isEqualTo(TUESDAY);
        assertThat(done.statusChangedBy()).isEqualTo("cco.team");
        assertThat(history()).extracting(ActionStatusChange::getFrom, ActionStatusChange::getTo,
                        ActionStatusChange::getNote, ActionStatusChange::getChangedBy, ActionStatusChange::getChangedAt)
                .containsExactly(
                        tuple(ActionStatus.OPEN, ActionStatus.IN_PROGRESS, "IVR menu redesign booked with the vendor",
                                "anonymous", MONDAY),
                        tuple(ActionStatus.IN_PROGRESS, ActionStatus.DONE, null, "cco.team", TUESDAY));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void askingForTheStatusAnActionAlreadyHasChangesAndRecordsNothing(TestDatabase database) throws Exception {
        on(database);
        publishedOctoberWithOneAction(database);
        change(MONDAY, ActionStatus.IN_PROGRESS, "started", "anonymous");

        ActionLine again = change(TUESDAY, ActionStatus.IN_PROGRESS, "started, said twice", "someone.else").orElseThrow();

        assertThat(again.statusChangedAt()).isEqualTo(MONDAY);
        assertThat(again.statusChangedBy()).isEqualTo("anonymous");
        assertThat(history()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDoneActionCanBeTakenUpAgainButNothingGoesBackToOpen(TestDatabase database) throws Exception {
        on(database);
        publishedOctoberWithOneAction(database);
        change(MONDAY, ActionStatus.DONE, "menu shortened", "anonymous");

        ActionStatusRefusedException refused = catchThrowableOfType(ActionStatusRefusedException.class,
                () -> change(TUESDAY, ActionStatus.OPEN, null, "anonymous"));
        ActionLine reopened = change(TUESDAY, ActionStatus.IN_PROGRESS, "still trapped", "anonymous").orElseThrow();

        assertThat(refused).hasMessageContaining("is DONE: it may become IN_PROGRESS, not OPEN");
        assertThat(reopened.status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(history()).extracting(ActionStatusChange::getTo)
                .containsExactly(ActionStatus.DONE, ActionStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void droppingAnActionNeedsANoteSayingWhy(TestDatabase database) throws Exception {
        on(database);
        publishedOctoberWithOneAction(database);

        ActionStatusRefusedException refused = catchThrowableOfType(ActionStatusRefusedException.class,
                () -> change(MONDAY, ActionStatus.DROPPED, "   ", "anonymous"));

        assertThat(refused).hasMessageContaining("needs a note saying why");
        assertThat(status()).isEqualTo(ActionStatus.OPEN);
        assertThat(history()).isEmpty();

        change(TUESDAY, ActionStatus.DROPPED, "Vendor contract ends in December; replaced by the new IVR", "anonymous");
        assertThat(status()).isEqualTo(ActionStatus.DROPPED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyTheActionPointsOfTheMonthsPublishedRunAreFollowedUp(TestDatabase database) throws Exception {
        on(database);
        long running = database.read(entityManager -> {
            Run run = run(entityManager, ruleSet(entityManager), OCTOBER);
            return trigger(entityManager, run).getId();
        });
        long runningRun = database.read(entityManager -> entityManager.find(Trigger.class, running).getRun().getId());

        ActionStatusRefusedException notPublished = catchThrowableOfType(ActionStatusRefusedException.class,
                () -> change(runningRun, running, MONDAY, ActionStatus.IN_PROGRESS));

        assertThat(notPublished).hasMessageContaining("Run " + runningRun + " is RUNNING");

        publishedOctoberWithOneAction(database);
        long rerun = database.read(entityManager -> {
            Run run = published(entityManager, run(entityManager, entityManager.find(Run.class, runId)
                    .getRuleSetVersion(), OCTOBER));
            return run.getId();
        });

        ActionStatusRefusedException superseded = catchThrowableOfType(ActionStatusRefusedException.class,
                () -> change(MONDAY, ActionStatus.IN_PROGRESS, null, "anonymous"));

        assertThat(superseded).hasMessageContaining("superseded by run " + rerun);
        assertThat(status()).isEqualTo(ActionStatus.OPEN);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anActionIsFoundOnlyUnderTheRunThatRaisedIt(TestDatabase database) throws Exception {
        on(database);
        publishedOctoberWithOneAction(database);
        long otherRun = runId + 1_000;

        assertThat(change(otherRun, actionId, MONDAY, ActionStatus.IN_PROGRESS)).isEmpty();
        Optional<List<ActionStatusChange>> historyElsewhere = database.read(entityManager ->
                new ActionTracker(entityManager, Clock.systemUTC()).history(otherRun, actionId));
        assertThat(historyElsewhere).isEmpty();
        List<ActionLine> actions = database.read(entityManager ->
                new ActionTracker(entityManager, Clock.systemUTC()).actionsOf(runId));
        assertThat(actions).extracting(ActionLine::id, ActionLine::code, ActionLine::status,
                        ActionLine::statusChangedAt)
                .containsExactly(tuple(actionId, "TRAPPED_IN_SELF_SERVICE", ActionStatus.OPEN, null));
    }

    private void publishedOctoberWithOneAction(TestDatabase database) {
        database.write(entityManager -> {
            Run run = published(entityManager, run(entityManager, ruleSet(entityManager), OCTOBER));
            runId = run.getId();
            actionId = trigger(entityManager, run).getId();
        });
    }

    private Optional<ActionLine> change(Instant at, ActionStatus next, String note, String who)
            throws ActionStatusRefusedException {
        return change(runId, actionId, at, next, note, who);
    }

    private Optional<ActionLine> change(long run, long action, Instant at, ActionStatus next)
            throws ActionStatusRefusedException {
        return change(run, action, at, next, null, "anonymous");
    }

    private Optional<ActionLine> change(long run, long action, Instant at, ActionStatus next, String note, String who)
            throws ActionStatusRefusedException {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        try {
            return database.read(entityManager -> {
                try {
                    return new ActionTracker(entityManager, clock).change(run, action, next, note, who);
                } catch (ActionStatusRefusedException refused) {
                    throw new Refused(refused);
                }
            });
        } catch (Refused refused) {
            throw refused.reason;
        }
    }

    private List<ActionStatusChange> history() {
        return database.read(entityManager -> new ActionTracker(entityManager, Clock.systemUTC())
                .history(runId, actionId).orElseThrow());
    }

    private ActionStatus status() {
        return database.read(entityManager -> entityManager.find(Trigger.class, actionId).getStatus());
    }

    private static RuleSetVersion ruleSet(EntityManager entityManager) {
        RuleSetVersion rules = new RuleSetVersion("default", "ab".repeat(32), "test",
                Instant.parse("2026-01-01T00:00:00Z"), RuleSetStatus.ACTIVE);
        entityManager.persist(rules);
        return rules;
    }

    private static Run run(EntityManager entityManager, RuleSetVersion rules, YearMonth month) {
        Run run = new Run(month, RunOrigin.ON_DEMAND, rules, Instant.parse("2026-11-02T06:00:00Z"));
        entityManager.persist(run);
        return run;
    }

    private static Run published(EntityManager entityManager, Run run) {
        entityManager.flush();
        entityManager.createNativeQuery("update run set status = 'PUBLISHED' where id = ?1")
                .setParameter(1, run.getId()).executeUpdate();
        entityManager.refresh(run);
        return run;
    }

    private static Trigger trigger(EntityManager entityManager, Run run) {
        Trigger trigger = new Trigger(run, "TRAPPED_IN_SELF_SERVICE", "Callers trapped in self-service", "TECHNOLOGY",
                "HIGH", "P90 time to reach a human 15.0 minutes against a target of 9.5.");
        entityManager.persist(trigger);
        return trigger;
    }

    /** Carries the checked refusal out of the transaction, which rolls back on the way. */
    private static final class Refused extends RuntimeException {

        private final ActionStatusRefusedException reason;

        Refused(ActionStatusRefusedException reason) {
            super(reason);
            this.reason = reason;
        }
    }
}
