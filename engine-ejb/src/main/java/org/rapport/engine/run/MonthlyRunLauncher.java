package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Starts monthly runs as Jakarta Batch jobs, one at a time per month, and on start-up resumes the
 * runs a stopped server left unfinished. Container-managed write lock: two starts for the same
 * month cannot both pass the in-progress check on this node.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthlyRunLauncher {

    static final String JOB = "monthly-run";

    private static final Logger LOG = Logger.getLogger(MonthlyRunLauncher.class.getName());

    @EJB
    private RunService runs;

    /** Starts a run of {@code month} in the background and returns its id at once. */
    public long start(YearMonth month, RunOrigin origin) throws RunInProgressException {
        long runId = runs.create(month, origin);
        launch(runId);
        LOG.info(() -> "Run " + runId + " for " + month + " started (" + origin + ")");
        return runId;
    }

    /**
     * A run still RUNNING at start-up was interrupted: the job repository of a single node does not
     * outlive the server, so its progress lives in the run, and a fresh execution picks up after
     * the last completed step.
     */
    @PostConstruct
    void resumeInterrupted() {
        for (long runId : runs.interrupted()) {
            LOG.warning(() -> "Run " + runId + " was interrupted by a server stop; resuming after its last completed step");
            launch(runId);
        }
    }

    private void launch(long runId) {
        Properties parameters = new Properties();
        parameters.setProperty("runId", Long.toString(runId));
        BatchRuntime.getJobOperator().start(JOB, parameters);
    }
}
