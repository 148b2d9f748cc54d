package org.rapport.engine.action;

import java.time.Instant;

/**
 * An action point as it stands now, for the API: what the run raised, the team's status, and what the
 * data said since.
 *
 * @param id              the trigger's id, which the status is changed by
 * @param runId           the run that raised it
 * @param month           that run's month, e.g. "2026-10"
 * @param code            the rule's trigger code
 * @param title           what the board reads
 * @param pillar          STAFF, PROCESS or TECHNOLOGY
 * @param severity        HIGH, MEDIUM or LOW
 * @param evidence        the figures that raised it
 * @param owner           who acts on it; null until someone takes it
 * @param status          the team's status
 * @param statusChangedAt when the team last changed it; null while it is still the OPEN it was raised with
 * @param statusChangedBy who did
 * @param recurring       true when last month's action point with the same code was still firing when this
 *                        run evaluated: not new this month
 * @param nextMonth       whether the next month's latest evaluated run raised it again; null until one has
 * @param nextMonthRunId  that run
 */
public record ActionLine(long id, long runId, String month, String code, String title, String pillar, String severity,
        String evidence, String owner, ActionStatus status, Instant statusChangedAt, String statusChangedBy,
        boolean recurring, FollowUpSignal nextMonth, Long nextMonthRunId) {
}
