package org.rapport.web.api;

import java.util.List;

import org.rapport.engine.snapshot.BatchLine;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.TriggerLine;

/** A run's figures, triggers and lineage: the numbers behind its board pack. */
public record RunDetailView(long id, String month, String ruleSetVersion, String measuredAt, List<KpiLine> kpis,
        List<TriggerLine> triggers, List<BatchLine> sourceBatches) {

    static RunDetailView of(RunSnapshot snapshot) {
        return new RunDetailView(snapshot.runId(), snapshot.month().toString(), snapshot.ruleSetVersion(),
                snapshot.measuredAt().toString(), snapshot.kpis(), snapshot.triggers(), snapshot.sourceBatches());
    }
}
