package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Optional;
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

/**
 * Runs the month again once new data has arrived and intake has been quiet for a few seconds, so
 * that dropping the month's files is all it takes to get a board pack. The scheduled monthly run
 * comes later; this keeps the embedded default a one-command demo.
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

    @Inject
    private RapportSettings settings;

    /** Each stored file restarts the quiet period: many files arriving together give one run. */
    public void onBatchStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) BatchStored stored) {
        if (stored.status() == BatchStatus.ACCEPTED) {
            restartQuietPeriod();
        }
    }

    private synchronized void restartQuietPeriod() {
        timers.getTimers().forEach(Timer::cancel);
        timers.createSingleActionTimer(settings.quietPeriodSeconds() * 1000L, new TimerConfig(null, false));
    }

    @Timeout
    void intakeWentQuiet() {
        try {
            Optional<YearMonth> month = month();
            if (month.isEmpty()) {
                LOG.info("No calls or survey responses stored yet: no month to run");
                return;
            }
            launcher.start(month.get(), RunOrigin.INTAKE);
        } catch (RunInProgressException e) {
            // The running one may have closed its intake before the newest files: look again later.
            LOG.info(() -> e.getMessage() + "; trying again after the next quiet period");
            restartQuietPeriod();
        } catch (RuntimeException e) {
            // The database away at that moment: the stored files still want their run, after the next quiet period.
            org.rapport.engine.outage.InfrastructureFault outage = org.rapport.engine.outage.InfrastructureFault.of(e)
                    .orElseThrow(() -> e);
            LOG.warning(() -> "No run started after the intake went quiet (" + outage.reason()
                    + "); trying again after the next quiet period");
            restartQuietPeriod();
        }
    }

    private Optional<YearMonth> month() {
        return settings.runMonth().map(YearMonth::parse).or(() -> new LatestMonth(entityManager).find());
    }
}
