package org.rapport.web.api;

import java.util.List;

import org.rapport.engine.readiness.MonthReadiness;
import org.rapport.engine.requests.RequestThemeLine;
import org.rapport.engine.run.RunSummary;
import org.rapport.engine.snapshot.BatchLine;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.PackNotice;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.TriggerLine;

/**
 * A run's figures, triggers, the request themes its month's comments and cases mentioned (counts only)
 * and lineage: the numbers behind its board pack. Its status, and while it is WAITING_FOR_DATA what its
 * month lacks ({@code waitingFor}, and {@code readiness}: every source checked now); {@code notice} is
 * what its pack's cover says (a revision and what changed, incomplete data, forced by whom).
 */
public record RunDetailView(long id, String month, String status, String ruleSetVersion, String measuredAt,
        List<String> waitingFor, String forcedBy, Long revisesRunId, MonthReadiness readiness, PackNotice notice,
        List<KpiLine> kpis, List<TriggerLine> triggers, List<RequestThemeLine> requestThemes,
        List<BatchLine> sourceBatches) {

    static RunDetailView of(RunSummary run, RunSnapshot snapshot, MonthReadiness readiness,
            List<RequestThemeLine> requestThemes) {
        return new RunDetailView(snapshot.runId(), snapshot.month().toString(), run.status(), snapshot.ruleSetVersion(),
                snapshot.measuredAt().toString(), run.waitingFor(), run.forcedBy(), run.revisesRunId(), readiness,
                snapshot.notice(), snapshot.kpis(), snapshot.triggers(), requestThemes, snapshot.sourceBatches());
    }
}
