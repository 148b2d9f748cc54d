package org.rapport.engine.intake;

import java.time.Duration;
import java.util.List;
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
 * Finishes the files an intake left part merged and no intake has touched for
 * {@code rapport.intake.half-stored-after-minutes} (default 15), looking every
 * {@code rapport.intake.half-stored-check-seconds} (default 300) and once soon after start-up. A file whose
 * delivery stopped mid-merge is normally delivered again by its transport, and that delivery goes on with it at
 * once; this is for the file that is not (its inbox emptied by hand, a corrected file delivered instead), whose
 * batch would otherwise stay {@link BatchStatus#BEING_STORED} and hold its month's runs for ever.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HalfStoredFiles {

    private static final Logger LOG = Logger.getLogger(HalfStoredFiles.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private Intake intake;

    @Inject
    @ConfigProperty(name = "rapport.intake.half-stored-check-seconds", defaultValue = "300")
    long checkSeconds;

    @Inject
    @ConfigProperty(name = "rapport.intake.half-stored-after-minutes", defaultValue = "15")
    long afterMinutes;

    @PostConstruct
    void watch() {
        timers.createIntervalTimer(checkSeconds * 1000 / 5, checkSeconds * 1000,
                new TimerConfig("half-stored-files", false));
    }

    @Timeout
    void timeToLook() {
        try {
            List<IntakeReceipt> finished = intake.finishHalfStored(Duration.ofMinutes(afterMinutes));
            if (!finished.isEmpty()) {
                LOG.info(() -> finished.size() + " file(s) left part merged finished: batches "
                        + finished.stream().map(IntakeReceipt::batchId).toList());
            }
        } catch (RuntimeException e) {
            // the database may be away: one line a look, and the next look tries again
            LOG.warning(() -> "Could not look for files left part merged: " + e);
        }
    }
}
