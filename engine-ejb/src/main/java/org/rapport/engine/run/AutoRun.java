package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.BatchStored;
import org.rapport.engine.readiness.IntakeActivity;

/**
 * Runs again the months new data touches, once intake has been quiet for a few seconds and nothing
 * is being stored: dropping a month's files is all it takes to get its board pack, and a late file
 * for an old month re-runs that month, not the latest one ({@link IntakeRunPlan} says which). Months go one at a time, oldest
 * first, so each finds the month before it published. The queue is kept in memory: a restart loses
 * what had not started yet (the schedule and on-demand runs remain).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AutoRun {

    private static final Logger LOG = Logger.getLogger(AutoRun.class.getName());

    @Resource
    private TimerService timers;

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @EJB
    private MonthlyRunLauncher launcher;

    @EJB
    private RunService runs;

    @EJB
    private WaitingRuns waitingRuns;

    @Inject
    private RapportSettings settings;

    @Inject
    private IntakeActivity intake;

    /** Accepted batches stored since the last look. */
    private final Set<Long> newBatches = new LinkedHashSet<>();
    /** Months to run, oldest first. */
    private final SortedSet<YearMonth> queue = new TreeSet<>();

    /** Each stored file restarts the quiet period: many files arriving together give one look. */
    public void onBatchStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchStored stored) {
        if (stored.status() == BatchStatus.ACCEPTED) {
            synchronized (this) {
                newBatches.add(stored.batchId());
            }
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
            queueTouchedMonths();
            // a waiting run that starts now reads the new data: its month needs no other run
            Set<YearMonth> resumed = waitingRuns.lookNow();
            synchronized (this) {
                queue.removeAll(resumed);
            }
            startNext();
        } catch (RuntimeException e) {
            // The database away at that moment: the queued months still want their runs, after the next quiet period.
            org.rapport.engine.outage.InfrastructureFault outage = org.rapport.engine.outage.InfrastructureFault.of(e)
                    .orElseThrow(() -> e);
            LOG.warning(() -> "No run started after the intake went quiet (" + outage.reason()
                    + "); trying again after the next quiet period");
            restartQuietPeriod();
        }
    }

    private void queueTouchedMonths() {
        Set<Long> batches;
        synchronized (this) {
            batches = Set.copyOf(newBatches);
            newBatches.clear();
        }
        if (batches.isEmpty()) {
            return;
        }
        SortedSet<YearMonth> toRun = monthsToRun(batches);
        if (toRun.isEmpty()) {
            LOG.info(() -> "The new deliveries touch no month with calls, answers, purchases or cases: no run");
        }
        synchronized (this) {
            queue.addAll(toRun);
        }
        LOG.info(() -> "New data touches " + toRun + "; running them in order");
    }

    private SortedSet<YearMonth> monthsToRun(Set<Long> batches) {
        if (settings.runMonth().isPresent()) {
            return new TreeSet<>(Set.of(YearMonth.parse(settings.runMonth().get())));
        }
        TouchedMonths touched = new TouchedMonths(entityManager);
        SortedSet<YearMonth> months = touched.of(batches);
        return IntakeRunPlan.monthsToRun(months, touched.runBefore(months), touched.anyRunEver());
    }

    /** Starts the oldest queued month once no run is working; looks again shortly while any is queued. */
    private void startNext() {
        YearMonth next;
        synchronized (this) {
            if (queue.isEmpty()) {
                return;
            }
            next = queue.first();
        }
        if (!intake.idle() || runs.anyRunning()) {
            restartQuietPeriod();
            return;
        }
        try {
            launcher.start(next, RunOrigin.INTAKE);
            dequeue(next);
        } catch (RunInProgressException e) {
            // a waiting run of the month takes the new data when it starts; a running one may have
            // closed its intake before it, so that month is looked at again once it has finished
            LOG.info(e::getMessage);
            if (e.waiting()) {
                dequeue(next);
            }
        }
        synchronized (this) {
            if (!queue.isEmpty()) {
                restartQuietPeriod();
            }
        }
    }

    private synchronized void dequeue(YearMonth month) {
        queue.remove(month);
    }
}
