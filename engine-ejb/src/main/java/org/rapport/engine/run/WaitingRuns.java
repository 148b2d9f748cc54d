package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Looks at the runs waiting for their data every {@code rapport.readiness.check-seconds} (default 30)
 * and whenever asked (intake went quiet, a month was marked closed): each starts once its month is
 * ready. Waiting survives restarts: the runs are in the database, and this looks again after start-up.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WaitingRuns {

    private static final Logger LOG = Logger.getLogger(WaitingRuns.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private RunService runs;

    @EJB
    private MonthlyRunLauncher launcher;

    @Inject
    @ConfigProperty(name = "rapport.readiness.check-seconds", defaultValue = "30")
    long checkSeconds;

    @PostConstruct
    void watch() {
        timers.createIntervalTimer(checkSeconds * 1000, checkSeconds * 1000, new TimerConfig("waiting-runs", false));
    }

    @Timeout
    void timeToLook() {
        lookNow();
    }

    /** Starts every waiting run whose month is ready now; returns the months started. */
    public Set<YearMonth> lookNow() {
        Set<YearMonth> started = new TreeSet<>();
        for (RunSummary.State waiting : runs.waiting()) {
            try {
                if (launcher.resumeIfReady(waiting.id())) {
                    started.add(waiting.month());
                }
            } catch (RuntimeException e) {
                // one run that cannot be looked at must not keep the others waiting
                LOG.warning(() -> "Could not look at waiting run " + waiting.id() + ": " + e);
            }
        }
        return started;
    }
}
