package org.rapport.engine.action;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.rapport.engine.run.PublishedRuns;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.Trigger;

/**
 * Follows last month's action points up when a run evaluates its month: each one whose trigger the run
 * raised again is still firing, each other one no longer fires. A trigger is the same when its code is
 * (the default rules raise each code at most once a month). Not thread-safe: one per transaction.
 */
public class ActionFollowUps {

    private final EntityManager entityManager;

    public ActionFollowUps(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records, for {@code run}, what became of the action points of the previous month's latest published
     * run, given the trigger codes {@code run} raised. Replaces what an earlier attempt recorded.
     */
    public void record(Run run, Set<String> raisedCodes) {
        forget(run.getId());
        new PublishedRuns(entityManager).latest(run.getMonth().minusMonths(1)).ifPresent(lastMonth -> {
            for (Trigger action : actionsOf(lastMonth)) {
                entityManager.persist(new ActionFollowUp(run, action, raisedCodes.contains(action.getCode())
                        ? FollowUpSignal.STILL_FIRING : FollowUpSignal.NO_LONGER_FIRING));
            }
        });
    }

    /** Removes what {@code runId}'s evaluation recorded, before it evaluates again. */
    public void forget(long runId) {
        entityManager.createQuery("delete from ActionFollowUp f where f.run.id = :run")
                .setParameter("run", runId)
                .executeUpdate();
    }

    /** What {@code runId}'s evaluation found, by the id of last month's action point. */
    public Map<Long, FollowUpSignal> foundBy(long runId) {
        Map<Long, FollowUpSignal> found = new HashMap<>();
        entityManager.createQuery("select f.action.id, f.signal from ActionFollowUp f where f.run.id = :run",
                        Object[].class)
                .setParameter("run", runId)
                .getResultStream()
                .forEach(row -> found.put((Long) row[0], (FollowUpSignal) row[1]));
        return found;
    }

    /**
     * What the latest later run found about each action point of run {@code runId}, by action id; an
     * action no later run has looked at yet is absent.
     */
    public Map<Long, Found> about(long runId) {
        Map<Long, Found> found = new HashMap<>();
        entityManager.createQuery("""
                        select f.action.id, f.run.id, f.signal from ActionFollowUp f
                        where f.action.run.id = :run order by f.run.id""", Object[].class)
                .setParameter("run", runId)
                .getResultStream()
                // ordered by run: a later run's finding replaces an earlier one's
                .forEach(row -> found.put((Long) row[0], new Found((Long) row[1], (FollowUpSignal) row[2])));
        return found;
    }

    private List<Trigger> actionsOf(long runId) {
        return entityManager.createQuery("select t from Trigger t where t.run.id = :run order by t.id", Trigger.class)
                .setParameter("run", runId)
                .getResultList();
    }

    /**
     * @param runId  the run whose evaluation found it
     * @param signal what it found
     */
    public record Found(long runId, FollowUpSignal signal) {
    }
}
