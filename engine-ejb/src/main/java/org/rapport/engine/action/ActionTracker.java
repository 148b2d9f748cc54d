package org.rapport.engine.action;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.run.PublishedRuns;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunStatus;
import org.rapport.engine.run.Trigger;

/**
 * The CCO's team's follow-up of action points: their status, changed through the lifecycle
 * {@link ActionStatus} allows and audited (who, when, from what to what, why), and what the data said
 * since ({@link ActionFollowUps}). Not thread-safe: one per transaction.
 */
public class ActionTracker {

    private static final Logger LOG = Logger.getLogger(ActionTracker.class.getName());

    private final EntityManager entityManager;
    private final Clock clock;

    public ActionTracker(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The action points run {@code runId} raised, in the order it raised them; empty for an unknown run. */
    public List<ActionLine> actionsOf(long runId) {
        List<Trigger> actions = entityManager.createQuery(
                        "select t from Trigger t join fetch t.run where t.run.id = :run order by t.id", Trigger.class)
                .setParameter("run", runId)
                .getResultList();
        Set<String> recurring = recurringCodes(runId);
        Map<Long, ActionFollowUps.Found> nextMonth = new ActionFollowUps(entityManager).about(runId);
        return actions.stream().map(action -> line(action, recurring, nextMonth)).toList();
    }

    /** One action point of run {@code runId}; empty when the run did not raise it. */
    public Optional<ActionLine> action(long runId, long actionId) {
        return find(runId, actionId).map(action -> line(action, recurringCodes(runId),
                new ActionFollowUps(entityManager).about(runId)));
    }

    /**
     * Moves an action point of run {@code runId} to {@code next}, recording who did it, when and why.
     * Asking for the status it already has changes and records nothing.
     *
     * @param note why; needed to drop an action, at most {@link ActionStatusChange#NOTE_LENGTH} characters
     * @param who  the signed-in user who made the change (the API refuses a change without one)
     * @return the action point as it now stands; empty when the run did not raise it
     * @throws ActionStatusRefusedException when the run is not the month's published one, or the lifecycle
     *                                      does not allow the move
     */
    public Optional<ActionLine> change(long runId, long actionId, ActionStatus next, String note, String who)
            throws ActionStatusRefusedException {
        Optional<Trigger> found = find(runId, actionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Trigger action = found.get();
        String reason = note == null || note.isBlank() ? null : note.strip();
        if (reason != null && reason.length() > ActionStatusChange.NOTE_LENGTH) {
            throw new IllegalArgumentException("A note is at most " + ActionStatusChange.NOTE_LENGTH + " characters");
        }
        ActionStatus current = action.getStatus();
        if (current != next) {
            refuseUnlessCurrentActionPoint(action.getRun());
            if (!current.mayBecome(next)) {
                throw new ActionStatusRefusedException("Action point " + actionId + " is " + current + ": it may become "
                        + allowedAfter(current) + ", not " + next);
            }
            if (next.needsNote() && reason == null) {
                throw new ActionStatusRefusedException("Dropping action point " + actionId + " needs a note saying why");
            }
            entityManager.persist(new ActionStatusChange(action, current, next, reason, who, clock.instant()));
            action.statusChanged(next, who, clock.instant());
            // the note stays out of the log: it is free text and may name people
            LOG.info(() -> "Action point " + actionId + " of run " + runId + ": " + current + " -> " + next + " by "
                    + who);
        }
        return action(runId, actionId);
    }

    /** The status changes of one action point, oldest first; empty when run {@code runId} did not raise it. */
    public Optional<List<ActionStatusChange>> history(long runId, long actionId) {
        return find(runId, actionId).map(action -> entityManager.createQuery(
                        "select c from ActionStatusChange c where c.action.id = :action order by c.changedAt, c.id",
                        ActionStatusChange.class)
                .setParameter("action", actionId)
                .getResultList());
    }

    /**
     * Only the action points the board was shown are followed up: those of a published run that no
     * later run of its month has superseded (the next pack reads last month's latest published run).
     */
    private void refuseUnlessCurrentActionPoint(Run run) throws ActionStatusRefusedException {
        if (run.getStatus() != RunStatus.PUBLISHED) {
            throw new ActionStatusRefusedException("Run " + run.getId() + " is " + run.getStatus()
                    + ": its triggers become action points when its board pack is published");
        }
        long latest = new PublishedRuns(entityManager).latest(run.getMonth()).orElseThrow();
        if (latest != run.getId()) {
            throw new ActionStatusRefusedException("Run " + run.getId() + " for " + run.getMonth()
                    + " was superseded by run " + latest + ": follow its action points up there");
        }
    }

    private static String allowedAfter(ActionStatus current) {
        return java.util.Arrays.stream(ActionStatus.values()).filter(current::mayBecome).map(Enum::name)
                .collect(Collectors.joining(" or "));
    }

    private Optional<Trigger> find(long runId, long actionId) {
        return Optional.ofNullable(entityManager.find(Trigger.class, actionId))
                .filter(action -> action.getRun().getId() == runId);
    }

    /** Codes of this run's triggers that continue one of last month's action points. */
    private Set<String> recurringCodes(long runId) {
        return Set.copyOf(entityManager.createQuery("""
                        select f.action.code from ActionFollowUp f
                        where f.run.id = :run and f.signal = :stillFiring""", String.class)
                .setParameter("run", runId)
                .setParameter("stillFiring", FollowUpSignal.STILL_FIRING)
                .getResultList());
    }

    private static ActionLine line(Trigger action, Set<String> recurring, Map<Long, ActionFollowUps.Found> nextMonth) {
        ActionFollowUps.Found found = nextMonth.get(action.getId());
        return new ActionLine(action.getId(), action.getRun().getId(), action.getRun().getMonth().toString(),
                action.getCode(), action.getTitle(), action.getPillar(), action.getSeverity(), action.getEvidence(),
                action.getOwner(), action.getStatus(), action.getStatusChangedAt(), action.getStatusChangedBy(),
                recurring.contains(action.getCode()), found == null ? null : found.signal(),
                found == null ? null : found.runId());
    }
}
