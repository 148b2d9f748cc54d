package org.rapport.engine.run;

import java.time.Clock;
import java.time.Instant;
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

import org.rapport.engine.readiness.AfterDeadline;
import org.rapport.engine.readiness.MonthReadiness;
import org.rapport.engine.readiness.Readiness;

/**
 * Starts monthly runs as Jakarta Batch jobs, one at a time per month, and on start-up resumes the
 * runs a stopped server left unfinished. A run whose month is not ready (a required source
 * incomplete, or a delivery being stored) waits in WAITING_FOR_DATA instead of starting; {@link
 * #resumeIfReady} starts it when the data is there, or past the month's deadline if the installation
 * publishes incomplete months, and {@link #force} starts it on an operator's word. Container-managed
 * write lock: two starts for the same month cannot both pass the in-progress check on this node.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MonthlyRunLauncher {

    static final String JOB = "monthly-run";

    private static final Logger LOG = Logger.getLogger(MonthlyRunLauncher.class.getName());

    @EJB
    private RunService runs;

    @EJB
    private Readiness readiness;

    /**
     * Starts a run of {@code month} in the background and returns its id at once; when the month is not
     * ready the run is recorded WAITING_FOR_DATA and starts once it is.
     */
    public long start(YearMonth month, RunOrigin origin) throws RunInProgressException {
        MonthReadiness ready = readiness.check(month);
        long runId = runs.create(month, origin, ready.ready() ? null : ready.describe());
        if (ready.ready()) {
            launch(runId);
            LOG.info(() -> "Run " + runId + " for " + month + " started (" + origin + ")");
        } else {
            LOG.info(() -> "Run " + runId + " for " + month + " (" + origin + ") waits for its data: "
                    + ready.describe().replace('\n', ';'));
        }
        return runId;
    }

    /**
     * Starts run {@code runId} now without waiting for complete data (an operator's decision, role
     * admin); the pack says so on its cover. A run already started is left alone.
     *
     * @throws RunNotForceableException when the run is not waiting, or a delivery is being stored right now
     */
    public void force(long runId, String operator) throws RunNotForceableException {
        RunSummary.State run = runs.state(runId);
        if (run.status() != RunStatus.WAITING_FOR_DATA) {
            throw new RunNotForceableException("Run " + runId + " is " + run.status() + ", not waiting for data");
        }
        MonthReadiness ready = readiness.check(run.month());
        if (!ready.beingStored().isEmpty()) {
            // even a forced run must not read a file half stored
            throw new RunNotForceableException("A delivery is being stored now (" + String.join(", ", ready.beingStored())
                    + "); force the run again once it is stored");
        }
        runs.proceed(runId, ready.missing().isEmpty() ? null : ready.describe(), operator);
        launch(runId);
        LOG.warning(() -> "Run " + runId + " for " + run.month() + " forced by " + operator
                + (ready.missing().isEmpty() ? "" : " without complete data"));
    }

    /**
     * Starts waiting run {@code runId} if its month is ready now, or if its deadline has passed and the
     * installation publishes incomplete months; otherwise records what it still lacks. Returns true
     * when the run started.
     */
    public boolean resumeIfReady(long runId) {
        RunSummary.State run = runs.state(runId);
        if (run.status() != RunStatus.WAITING_FOR_DATA) {
            return false;
        }
        MonthReadiness ready = readiness.check(run.month());
        if (ready.ready()) {
            runs.proceed(runId, null, null);
            launch(runId);
            LOG.info(() -> "Run " + runId + " for " + run.month() + ": the data is complete; started");
            return true;
        }
        boolean pastDeadline = Clock.systemUTC().instant().isAfter(readiness.deadline(run.month()));
        if (pastDeadline && ready.beingStored().isEmpty() && readiness.afterDeadline() == AfterDeadline.PUBLISH_INCOMPLETE) {
            runs.proceed(runId, ready.describe(), null);
            launch(runId);
            LOG.warning(() -> "Run " + runId + " for " + run.month() + " passed its deadline without complete data"
                    + " and goes ahead marked incomplete (rapport.readiness.after-deadline=publish-incomplete)");
            return true;
        }
        runs.stillWaiting(runId, ready.describe());
        return false;
    }

    /** When {@code month} stops waiting for its data, and what happens then. */
    public Instant deadline(YearMonth month) {
        return readiness.deadline(month);
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
