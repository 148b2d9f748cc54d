package org.rapport.engine.run;

/**
 * The steps of a monthly run, in order. Each completes in one transaction together with the record
 * that it completed, so a run interrupted anywhere resumes after its last completed step and never
 * does a step's work twice.
 */
public enum RunStep {
    /** Fix the run's lineage: the batches accepted so far are the ones it measures. */
    CLOSE_INTAKE,
    /** Measure every KPI in the database. */
    MEASURE,
    /** Score every consenting customer's engagement with the run's rules, then measure engagement. */
    SCORE,
    /** Grade the KPIs and raise triggers with the run's rule-set version. */
    EVALUATE,
    /** Render the whole pack from the stored snapshot. */
    RENDER,
    /** Make the pack available: file copy, archive, run marked published. */
    PUBLISH,
    /** Send the published pack to the distribution list and drop folder; failures are retried later. */
    DISTRIBUTE;

    /** The job XML's step id for this step. */
    public String stepId() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
