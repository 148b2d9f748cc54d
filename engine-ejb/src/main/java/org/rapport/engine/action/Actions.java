package org.rapport.engine.action;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Action points and their follow-up as a transactional service, for the API. */
@Stateless
public class Actions {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    public List<ActionLine> of(long runId) {
        return tracker().actionsOf(runId);
    }

    public Optional<ActionLine> action(long runId, long actionId) {
        return tracker().action(runId, actionId);
    }

    /** See {@link ActionTracker#change}. */
    public Optional<ActionLine> change(long runId, long actionId, ActionStatus next, String note, String who)
            throws ActionStatusRefusedException {
        return tracker().change(runId, actionId, next, note, who);
    }

    public Optional<List<ActionStatusChange>> history(long runId, long actionId) {
        return tracker().history(runId, actionId);
    }

    private ActionTracker tracker() {
        return new ActionTracker(entityManager, Clock.systemUTC());
    }
}
