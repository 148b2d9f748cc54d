package org.rapport.engine.snapshot;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything a board pack shows for one run, read from what the run stored — never recomputed — so
 * re-rendering a past month gives the same figures. Holds no personal data.
 *
 * @param runId          the run
 * @param month          the month measured
 * @param companyName    as configured for the installation
 * @param ruleSetVersion e.g. "v1 default (3f2a9c1b)"
 * @param measuredAt     when the run started
 * @param kpis           headline KPIs, catalogue order
 * @param triggers       improvement triggers raised, most severe first
 * @param sourceBatches  the delivered files the run used
 */
public record RunSnapshot(long runId, YearMonth month, String companyName, String ruleSetVersion, Instant measuredAt,
        List<KpiLine> kpis, List<TriggerLine> triggers, List<BatchLine> sourceBatches) {

    public RunSnapshot {
        kpis = List.copyOf(kpis);
        triggers = List.copyOf(triggers);
        sourceBatches = List.copyOf(sourceBatches);
    }
}
