package org.rapport.engine.snapshot;

/**
 * One line of the moments-of-truth scorecard.
 *
 * @param moment 1–5 for the five reasons relationships break down, 6 for the companion measures
 *               (first-contact resolution, repeat contact)
 * @param title  e.g. "Trapped in self-service"
 * @param kpi    the KPI measuring it; null when the moment is not measured yet
 */
public record MomentOfTruthLine(int moment, String title, KpiLine kpi) {
}
