package org.rapport.engine.action;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.persistence.EntityManager;

/**
 * Makes a {@link SampleStatusPlan}'s changes to the action points a published run raised, through the service the
 * API changes statuses with (given as {@link StatusChanges}), so each is audited like a change made on the screen. A
 * change naming an action point the run did not raise, or one the lifecycle refuses, is skipped with a warning.
 */
public final class SampleTeam {

    private static final Logger LOG = Logger.getLogger(SampleTeam.class.getName());

    /** {@link Actions#change} (in the server) or {@link ActionTracker#change}: the API's way to move an action on. */
    @FunctionalInterface
    public interface StatusChanges {
        Optional<ActionLine> change(long runId, long actionId, ActionStatus next, String note, String who)
                throws ActionStatusRefusedException;
    }

    private final EntityManager entityManager;
    private final StatusChanges statuses;

    public SampleTeam(EntityManager entityManager, StatusChanges statuses) {
        this.entityManager = entityManager;
        this.statuses = statuses;
    }

    /** Makes the plan's changes to run {@code runId}'s action points, in order; returns how many were made. */
    public int apply(SampleStatusPlan plan, long runId) {
        int made = 0;
        for (SampleStatusPlan.Change change : plan.changes()) {
            Optional<Long> action = actionPoint(runId, change.action());
            if (action.isEmpty()) {
                LOG.warning(() -> "Sample action status: run " + runId + " raised no " + change.action()
                        + "; change to " + change.status() + " skipped");
                continue;
            }
            try {
                statuses.change(runId, action.get(), change.status(), change.note(), plan.by());
                made++;
            } catch (ActionStatusRefusedException refused) {
                LOG.warning(() -> "Sample action status for " + change.action() + " refused: " + refused.getMessage());
            }
        }
        return made;
    }

    private Optional<Long> actionPoint(long runId, String code) {
        List<Long> ids = entityManager.createQuery("select t.id from Trigger t where t.run.id = :run and t.code = :code"
                        + " order by t.id", Long.class)
                .setParameter("run", runId)
                .setParameter("code", code)
                .getResultList();
        return ids.stream().findFirst();
    }
}
