package org.rapport.engine.run;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.outage.InfrastructureFault;

/**
 * One step of the {@code monthly-run} job (META-INF/batch-jobs/monthly-run.xml): which step comes
 * from the job XML, which run from the job parameters. A step that fails marks the run failed, so
 * nothing after it — above all publishing — happens; but a step the infrastructure fails (the database
 * restarting) waits and resumes from the run's last checkpoint ({@link StepOutageWait}) for as long as
 * {@code rapport.run.outage.max-wait}, and an outage is never recorded as the run's failure.
 */
@Named("runStepBatchlet")
@Dependent
public class RunStepBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(RunStepBatchlet.class.getName());
    private static final Duration DEFAULT_MAX_WAIT = Duration.ofHours(2);

    @Inject
    @BatchProperty
    String step;

    @Inject
    @BatchProperty
    String runId;

    @EJB
    private RunService runs;

    /** How long a step waits for the database (ISO-8601, e.g. PT2H) before the job stops; the run stays resumable. */
    @Inject
    @ConfigProperty(name = "rapport.run.outage.max-wait", defaultValue = "PT2H")
    String outageMaxWait;

    @Override
    public String process() {
        long run = Long.parseLong(runId);
        RunStep runStep = RunStep.valueOf(step);
        try {
            StepOutageWait.standard(maxWait()).perform(run, runStep, () -> {
                runs.working(run, runStep);
                if (runStep == RunStep.MEASURE) {
                    // read in parts, so that no transaction runs as long as a large month takes to read
                    runs.measureInParts(run);
                } else if (runStep == RunStep.SCORE) {
                    // likewise a page of customers at a time
                    runs.scoreInParts(run);
                } else {
                    runs.perform(run, runStep);
                }
            });
            return "COMPLETED";
        } catch (RuntimeException e) {
            Optional<InfrastructureFault> outage = InfrastructureFault.of(e);
            if (outage.isPresent()) {
                // Not the run's fault: it stays RUNNING and resumes after its last completed step at the next start
                // (MonthlyRunLauncher); marking it failed would need the database anyway.
                LOG.severe(() -> "Run " + run + " stopped waiting at step " + runStep + " after " + outageMaxWait + ": "
                        + outage.get().reason() + ". Nothing is published yet; it resumes from its last completed "
                        + "step when Rapport restarts. To fix: " + outage.get().operatorFix());
                throw e;
            }
            LOG.log(Level.SEVERE, "Run " + run + " failed at step " + runStep + "; nothing is published", e);
            runs.fail(run, runStep + ": " + rootMessage(e));
            throw e;
        }
    }

    private Duration maxWait() {
        try {
            return Duration.parse(outageMaxWait.strip());
        } catch (java.time.format.DateTimeParseException e) {
            LOG.warning(() -> "rapport.run.outage.max-wait '" + outageMaxWait + "' is not an ISO-8601 duration (e.g. "
                    + "PT2H): a step waits " + DEFAULT_MAX_WAIT + " for the database");
            return DEFAULT_MAX_WAIT;
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
