package org.rapport.engine.run;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.rapport.engine.outage.FaultLog;
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.engine.outage.InfrastructureRetries;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;

/**
 * Does a step of a run, waiting out the infrastructure: an attempt that fails because the database is out
 * of reach (or read-only, or the disk full: {@link InfrastructureFault}) is tried again with exponential
 * back-off, for as long as {@code maxWait}. Each attempt is a transaction of its own that resumes from the
 * run's last checkpoint, so waiting never does a step's work twice. Any other failure, and an outage longer
 * than {@code maxWait}, is thrown at once. The log gets one line per run, step and fault (the first with its
 * trace), not one per attempt. Thread-safe.
 */
public final class StepOutageWait {

    private static final Logger LOG = Logger.getLogger(StepOutageWait.class.getName());
    private static final FaultLog FAULTS = FaultLog.perMinute(LOG);

    private final Duration firstPause;
    private final Duration longestPause;
    private final Duration maxWait;

    public StepOutageWait(Duration firstPause, Duration longestPause, Duration maxWait) {
        this.firstPause = firstPause;
        this.longestPause = longestPause;
        this.maxWait = maxWait;
    }

    /** Waits 1 s, then twice as long each time up to 30 s, for as long as {@code maxWait}. */
    public static StepOutageWait standard(Duration maxWait) {
        return new StepOutageWait(Duration.ofSeconds(1), Duration.ofSeconds(30), maxWait);
    }

    /** Does {@code attempt} (one transaction that resumes from the checkpoint) until it succeeds or must fail. */
    public void perform(long runId, RunStep step, Runnable attempt) {
        String key = "run " + runId + " " + step;
        RetryPolicy<Object> waitForInfrastructure = RetryPolicy.builder()
                .handleIf(InfrastructureFault::isInfrastructure)
                .withBackoff(firstPause, longestPause)
                .withMaxDuration(maxWait)
                .withMaxRetries(-1)
                .onFailedAttempt(event -> {
                    Throwable failure = event.getLastException();
                    InfrastructureFault.of(failure).ifPresent(fault -> FAULTS.occurred(Level.WARNING,
                            key + "|" + fault.reason(), "Run " + runId + " waits at step " + step + ": " + fault.reason()
                                    + "; it resumes from its last completed step once the database is back (if it "
                                    + "lasts, " + fault.operatorFix() + ")", failure));
                })
                .onRetry(event -> InfrastructureRetries.counted("run"))
                .build();
        Failsafe.with(waitForInfrastructure).run(attempt::run);
        FAULTS.forget(key + "|");
    }

    /** How long a step waits for the infrastructure before it gives up. */
    public Duration maxWait() {
        return maxWait;
    }
}
