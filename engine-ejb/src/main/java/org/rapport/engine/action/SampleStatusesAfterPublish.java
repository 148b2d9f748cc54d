package org.rapport.engine.action;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Listens to the {@code monthly-run} job's publish step: when a pack has been published, the demo's sample status
 * changes for its action points are made ({@link SampleActionStatuses}) — still inside the run, so the next month's
 * run, which starts only when no run is working, finds them made. Nothing the demo does here may fail the run.
 */
@Named("sampleStatusesAfterPublish")
@Dependent
public class SampleStatusesAfterPublish extends AbstractStepListener {

    private static final Logger LOG = Logger.getLogger(SampleStatusesAfterPublish.class.getName());

    @Inject
    @BatchProperty
    String runId;

    @Inject
    StepContext step;

    @EJB
    private SampleActionStatuses samples;

    @Override
    public void afterStep() {
        if (step.getException() != null || step.getBatchStatus() == BatchStatus.FAILED) {
            return;
        }
        try {
            samples.afterPublished(Long.parseLong(runId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sample action statuses after run " + runId + " not applied", e);
        }
    }
}
