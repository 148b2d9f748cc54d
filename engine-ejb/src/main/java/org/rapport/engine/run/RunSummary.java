package org.rapport.engine.run;

import java.time.Instant;

/**
 * A run as the API lists it; {@code currentStep}, {@code completedStep} and {@code customersScored}
 * show a run's progress while it works (see {@link RunStep}).
 */
public record RunSummary(long id, String month, String status, String ruleSetVersion, Instant startedAt,
        Instant finishedAt, String failure, boolean hasPack, String currentStep, String completedStep,
        long customersScored, String origin) {
}
