package org.rapport.engine.publish;

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
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retries deliveries that could not be made (mail server down, folder not mounted) with
 * exponential back-off — base, 2×base, 4×base… — until each is sent or has used its attempts and
 * is reported failed. Looks once at start-up too, so a restart loses no pending delivery.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DeliveryRetries {

    private static final Logger LOG = Logger.getLogger(DeliveryRetries.class.getName());
    private static final int LONGEST_BACK_OFF_DOUBLINGS = 6;

    @Resource
    private TimerService timers;

    @EJB
    private PackDistributor distributor;

    @Inject
    @ConfigProperty(name = "rapport.distribution.retry-seconds", defaultValue = "60")
    long baseSeconds;

    @PostConstruct
    void lookAtStartUp() {
        scheduleIfPending();
    }

    /** Called after a run's first delivery attempt left something pending. */
    public synchronized void scheduleIfPending() {
        if (!timers.getTimers().isEmpty()) {
            return;
        }
        int attempts = distributor.fewestAttemptsPending();
        if (attempts == 0) {
            return;
        }
        long delay = baseSeconds * 1000L << Math.min(attempts - 1, LONGEST_BACK_OFF_DOUBLINGS);
        timers.createSingleActionTimer(delay, new TimerConfig(null, false));
        LOG.info(() -> "Pending pack deliveries: next attempt in " + delay / 1000 + " s");
    }

    @Timeout
    void retry(Timer timer) {
        long stillPending = distributor.retryAllPending();
        LOG.info(() -> "Retried pending pack deliveries; " + stillPending + " still pending");
        scheduleIfPending();
    }
}
