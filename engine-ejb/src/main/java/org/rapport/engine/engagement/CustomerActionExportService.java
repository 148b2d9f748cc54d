package org.rapport.engine.engagement;

import java.time.Clock;
import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link CustomerActionExports} as an EJB: each call in a JTA transaction of its own. */
@Stateless
public class CustomerActionExportService implements CustomerActionExports {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Override
    public List<Long> runsAwaitingExport(ActionExportDestination destination) {
        return exports().runsAwaitingExport(destination);
    }

    @Override
    public ActionList actionList(long runId) {
        return exports().actionList(runId);
    }

    @Override
    public void recordExport(long runId, ActionExportDestination destination, String target, int actions,
            boolean delivered, int attempts, String failure) {
        exports().recordExport(runId, destination, target, actions, delivered, attempts, failure);
    }

    @Override
    public List<ActionExportLine> exports(long runId) {
        return exports().exports(runId);
    }

    private ActionExports exports() {
        return new ActionExports(entityManager, Clock.systemUTC());
    }
}
