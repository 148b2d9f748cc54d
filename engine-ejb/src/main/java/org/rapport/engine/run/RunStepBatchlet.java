package org.rapport.engine.run;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * One step of the {@code monthly-run} job (META-INF/batch-jobs/monthly-run.xml): which step comes
 * from the job XML, which run from the job parameters. A step that fails marks the run failed, so
 * nothing after it — above all publishing — happens.
 */
@Named("runStepBatchlet")
@Dependent
public class RunStepBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(RunStepBatchlet.class.getName());

    @Inject
    @BatchProperty
    String step;

    @Inject
    @BatchProperty
    String runId;

    @EJB
    private RunService runs;

    @Override
    public String process() {
        long run = Long.parseLong(runId);
        RunStep runStep = RunStep.valueOf(step);
        try {
            runs.working(run, runStep);
            runs.perform(run, runStep);
            return "COMPLETED";
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Run " + run + " failed at step " + runStep + "; nothing is published", e);
            runs.fail(run, runStep + ": " + rootMessage(e));
            throw e;
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
