package org.rapport.engine.run;

import java.util.logging.Logger;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.engagement.EngagementScoring;

/**
 * Groups the calls a run's scoring step reads in the background while the run measures, so that the scoring step
 * finds them grouped: grouping the month's calls by customer took as long as reading the month's calls for the
 * measures (3.8 s and 5.7 s at 100,000 customers on H2, 27 s and more at 1,000,000 on PostgreSQL), each one
 * statement on one core. The survey answers scoring reads are grouped with them. A grouping that fails here is done
 * again by the scoring step, as it always was.
 */
@Stateless
public class CallsGroupedAhead {

    private static final Logger LOG = Logger.getLogger(CallsGroupedAhead.class.getName());

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void group(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null || run.getStatus() != RunStatus.RUNNING) {
            // failed or ended meanwhile: nothing would take, or let go of, what this grouped
            return;
        }
        long started = System.nanoTime();
        EngagementScoring scoring = new EngagementScoring(entityManager);
        try {
            scoring.groupCallsAhead(runId);
            LOG.info(() -> "Run " + runId + " grouped its calls and survey answers ahead of scoring in "
                    + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            // one line: the scoring step groups them itself, and says so if it cannot either
            LOG.warning(() -> "Run " + runId + ": its calls or survey answers could not be grouped ahead; the scoring"
                    + " step groups them itself (" + e + ")");
        } finally {
            // A run that failed after the look above may have let go of its grouped calls before these were held:
            // nothing would take them. Asked of the database, not of the run read above.
            if (!stillRunning(runId)) {
                scoring.finish(runId);
            }
        }
    }

    /** Whether the run is still running; taken to be when the database cannot say (its own step lets go then). */
    private boolean stillRunning(long runId) {
        try {
            return entityManager.createQuery("select r.status from Run r where r.id = :run", RunStatus.class)
                    .setParameter("run", runId)
                    .getResultStream().findFirst().orElse(null) == RunStatus.RUNNING;
        } catch (RuntimeException databaseAway) {
            return true;
        }
    }
}
