package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.BatchStored;
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.engine.readiness.IntakeActivity;

/**
 * Runs again the months new data touches, once intake has been quiet for a few seconds and nothing
 * is being stored: dropping a month's files is all it takes to get its board pack, and a late file
 * for an old month re-runs that month, not the latest one ({@link IntakeRunPlan} says which). Months
 * go one at a time, oldest first, so each finds the month before it published. What is owed lives in
 * the database ({@link IntakeRunQueue}): a restart or redeployment picks up where it stopped.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AutoRun {

    private static final Logger LOG = Logger.getLogger(AutoRun.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private MonthlyRunLauncher launcher;

    @EJB
    private RunService runs;

    @EJB
    private WaitingRuns waitingRuns;

    @EJB
    private QueuedRuns queue;

    @Inject
    private RapportSettings settings;

    @Inject
    private IntakeActivity intake;

    /** Deliveries planned or months queued before a restart or redeployment still get their runs. */
    @PostConstruct
    void pickUpWhatWasOwed() {
        try {
            if (queue.hasWork()) {
                LOG.info("Deliveries or months from before this start still want their intake runs; looking shortly");
                restartQuietPeriod();
            }
        } catch (RuntimeException e) {
            // the database away at start-up: the next delivery brings the owed months back
            InfrastructureFault outage = InfrastructureFault.of(e).orElseThrow(() -> e);
            LOG.warning(() -> "Owed intake runs not looked at during start-up (" + outage.reason() + ")");
        }
    }

    /**
     * Each stored file restarts the quiet period: many files arriving together give one look. So does a half-written
     * file discarded, which no longer holds its months' waiting runs.
     */
    public void onBatchStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchStored stored) {
        if (stored.status() == BatchStatus.ACCEPTED || stored.status() == BatchStatus.DISCARDED) {
            restartQuietPeriod();
        }
    }

    private synchronized void restartQuietPeriod() {
        timers.getTimers().forEach(Timer::cancel);
        timers.createSingleActionTimer(settings.quietPeriodSeconds() * 1000L, new TimerConfig(null, false));
    }

    @Timeout
    void intakeWentQuiet() {
        if (!intake.idle()) {
            // a file still being stored would be measured half: its BatchStored restarts the wait
            LOG.info(() -> "Intake is storing " + intake.beingStored() + "; no run until it is stored");
            restartQuietPeriod();
            return;
        }
        try {
            SortedSet<YearMonth> queued = queue.planNewDeliveries(settings.runMonth().map(YearMonth::parse));
            if (!queued.isEmpty()) {
                LOG.info(() -> "New data touches " + queued + "; running them in order");
            }
            // a waiting run that starts now reads the new data: its month needs no other run
            Set<YearMonth> resumed = waitingRuns.lookNow();
            resumed.forEach(queue::remove);
            startNext();
        } catch (RuntimeException e) {
            // the database away at that moment: what is owed stays in the queue for the next look
            InfrastructureFault outage = InfrastructureFault.of(e).orElseThrow(() -> e);
            LOG.warning(() -> "No run started after the intake went quiet (" + outage.reason()
                    + "); trying again after the next quiet period");
            restartQuietPeriod();
        }
    }

    /** Starts the oldest queued month once no run is working; looks again shortly while any is queued. */
    private void startNext() {
        Optional<YearMonth> next = queue.next();
        if (next.isEmpty()) {
            return;
        }
        if (!intake.idle() || runs.anyRunning()) {
            restartQuietPeriod();
            return;
        }
        YearMonth month = next.get();
        try {
            launcher.start(month, RunOrigin.INTAKE);
            queue.remove(month);
        } catch (RunInProgressException e) {
            // a waiting run of the month takes the new data when it starts; a running one may have
            // closed its intake before it, so that month is looked at again once it has finished
            LOG.info(e::getMessage);
            if (e.waiting()) {
                queue.remove(month);
            }
        } catch (RuntimeException e) {
            if (InfrastructureFault.of(e).isPresent()) {
                throw e;
            }
            // one month that cannot be started must not hold up the months queued behind it
            LOG.warning(() -> "The intake run of " + month + " could not be started (" + e
                    + "); left to an on-demand run");
            queue.remove(month);
        }
        if (queue.next().isPresent()) {
            restartQuietPeriod();
        }
    }
}
