package org.rapport.web.api;

import org.rapport.engine.run.RunSummary;

/**
 * A run as the API shows it, with its progress; times are ISO-8601 strings so any JSON client reads them.
 * A run WAITING_FOR_DATA lists in {@code waitingFor} each missing source and what it lacks; {@code
 * forcedBy}, {@code incomplete} and {@code revisesRunId} say how its pack came about (see {@link RunSummary}).
 */
public record RunView(long id, String month, String status, String ruleSetVersion, String startedAt,
        String finishedAt, String failure, String packUrl, String currentStep, String completedStep,
        long customersScored, String origin, java.util.List<String> waitingFor, String forcedBy, boolean incomplete,
        Long revisesRunId) {

    static RunView of(RunSummary run) {
        return new RunView(run.id(), run.month(), run.status(), run.ruleSetVersion(), String.valueOf(run.startedAt()),
                run.finishedAt() == null ? null : run.finishedAt().toString(), run.failure(),
                run.hasPack() ? "api/runs/" + run.id() + "/pack" : null, run.currentStep(), run.completedStep(),
                run.customersScored(), run.origin(), run.waitingFor(), run.forcedBy(), run.incomplete(),
                run.revisesRunId());
    }
}
