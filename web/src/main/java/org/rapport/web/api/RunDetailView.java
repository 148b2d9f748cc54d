package org.rapport.web.api;

import java.util.List;

import org.rapport.engine.requests.RequestThemeLine;
import org.rapport.engine.snapshot.BatchLine;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.TriggerLine;

/**
 * A run's figures, triggers, the request themes its month's comments and cases mentioned (counts only)
 * and lineage: the numbers behind its board pack.
 */
public record RunDetailView(long id, String month, String ruleSetVersion, String measuredAt, List<KpiLine> kpis,
        List<TriggerLine> triggers, List<RequestThemeLine> requestThemes, List<BatchLine> sourceBatches) {

    static RunDetailView of(RunSnapshot snapshot, List<RequestThemeLine> requestThemes) {
        return new RunDetailView(snapshot.runId(), snapshot.month().toString(), snapshot.ruleSetVersion(),
                snapshot.measuredAt().toString(), snapshot.kpis(), snapshot.triggers(), requestThemes,
                snapshot.sourceBatches());
    }
}
