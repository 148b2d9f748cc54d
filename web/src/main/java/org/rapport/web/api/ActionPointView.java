package org.rapport.web.api;

import org.rapport.engine.action.ActionLine;

/**
 * An action point as the API shows it: the trigger, the team's status (change it with
 * {@code PUT …/triggers/{id}/status}), and what the next month's data said. Times are ISO-8601 strings.
 *
 * @param recurring      true when it continues last month's action point that was still firing
 * @param nextMonth      STILL_FIRING or NO_LONGER_FIRING once the next month's run has evaluated, else null
 * @param nextMonthRunId the run that found it
 */
public record ActionPointView(long id, long runId, String month, String code, String title, String pillar,
        String severity, String evidence, String owner, String status, String statusChangedAt,
        String statusChangedBy, boolean recurring, String nextMonth, Long nextMonthRunId, String historyUrl) {

    static ActionPointView of(ActionLine action) {
        return new ActionPointView(action.id(), action.runId(), action.month(), action.code(), action.title(),
                action.pillar(), action.severity(), action.evidence(), action.owner(), action.status().name(),
                action.statusChangedAt() == null ? null : action.statusChangedAt().toString(),
                action.statusChangedBy(), action.recurring(),
                action.nextMonth() == null ? null : action.nextMonth().name(), action.nextMonthRunId(),
                "api/runs/" + action.runId() + "/triggers/" + action.id() + "/history");
    }
}
