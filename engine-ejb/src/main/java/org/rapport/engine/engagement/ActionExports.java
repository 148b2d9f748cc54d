package org.rapport.engine.engagement;

import java.time.Clock;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunStatus;

/** The action lists of published runs and the ledger of their exports. Not thread-safe: one per transaction. */
public class ActionExports {

    private final EntityManager entityManager;
    private final Clock clock;

    public ActionExports(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * Published runs with no export to {@code destination} recorded, delivered or failed: a failed export
     * has used its retries and is reported, not tried again behind the operator's back.
     */
    public List<Long> runsAwaitingExport(ActionExportDestination destination) {
        return entityManager.createQuery("""
                        select r.id from Run r where r.status = :published
                          and not exists (select 1 from ActionExport e where e.runId = r.id
                                          and e.destination = :destination)
                        order by r.id""", Long.class)
                .setParameter("published", RunStatus.PUBLISHED)
                .setParameter("destination", destination)
                .getResultList();
    }

    public ActionList actionList(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        List<ActionList.Action> actions = entityManager.createQuery("""
                        select a.customerRef, a.kind from CustomerActionRecord a where a.runId = :run
                        order by a.customerRef, a.kind""", Object[].class)
                .setParameter("run", runId)
                .getResultStream()
                .map(row -> new ActionList.Action((String) row[0], row[1].toString()))
                .toList();
        return new ActionList(runId, run.getMonth().toString(), actions);
    }

    public void recordExport(long runId, ActionExportDestination destination, String target, int actions,
            boolean delivered, int attempts, String failure) {
        entityManager.persist(new ActionExport(runId, destination, target, actions, clock.instant(), delivered,
                attempts, failure));
    }

    public List<ActionExportLine> exports(long runId) {
        return entityManager.createQuery("select e from ActionExport e where e.runId = :run order by e.id",
                        ActionExport.class)
                .setParameter("run", runId)
                .getResultStream()
                .map(ActionExportLine::of)
                .toList();
    }
}
