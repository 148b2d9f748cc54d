package org.rapport.engine.run;

import java.time.Instant;

/**
 * A run as the API lists it; {@code currentStep}, {@code completedStep} and {@code customersScored}
 * show a run's progress while it works (see {@link RunStep}). {@code waitingFor} lists, for a run
 * WAITING_FOR_DATA, each missing source and what it lacks (for a run that went ahead incomplete, what
 * was missing then); {@code forcedBy} names the operator who forced it; {@code revisesRunId} is the
 * published run of the month it revises (or, UNCHANGED, came out the same as).
 */
public record RunSummary(long id, String month, String status, String ruleSetVersion, Instant startedAt,
        Instant finishedAt, String failure, boolean hasPack, String currentStep, String completedStep,
        long customersScored, String origin, java.util.List<String> waitingFor, String forcedBy, boolean incomplete,
        Long revisesRunId) {

    public RunSummary {
        waitingFor = waitingFor == null ? java.util.List.of() : java.util.List.copyOf(waitingFor);
    }

    /** A run's id, month and status, for deciding what to do with it. */
    public record State(long id, java.time.YearMonth month, RunStatus status) {
    }
}
