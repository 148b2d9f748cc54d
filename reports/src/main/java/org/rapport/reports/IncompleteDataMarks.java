package org.rapport.reports;

import java.util.List;
import java.util.Set;

import org.rapport.engine.snapshot.HeadlineTile;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.KpiMovement;
import org.rapport.engine.snapshot.MomentOfTruthLine;
import org.rapport.engine.snapshot.Movements;
import org.rapport.engine.snapshot.PackNotice;
import org.rapport.engine.snapshot.RunSnapshot;

/**
 * A pack published without complete data marks every figure the missing sources feed, wherever the
 * figure's name is printed (tiles, tables, movements, scorecard), so no page can be read without the
 * warning the cover gives. Pure.
 */
final class IncompleteDataMarks {

    static final String MARK = " [incomplete data]";

    private IncompleteDataMarks() {
    }

    /** {@code snapshot} with each affected figure's name marked; the same snapshot when the data was complete. */
    static RunSnapshot apply(RunSnapshot snapshot) {
        PackNotice.Incomplete incomplete = snapshot.notice().incomplete();
        if (incomplete == null || incomplete.affectedCodes().isEmpty()) {
            return snapshot;
        }
        Set<String> affected = Set.copyOf(incomplete.affectedCodes());
        List<KpiLine> kpis = snapshot.kpis().stream().map(kpi -> mark(kpi, affected)).toList();
        List<HeadlineTile> headlines = snapshot.headlines().stream()
                .map(tile -> !affected.contains(tile.code()) ? tile : new HeadlineTile(tile.code(), tile.name() + MARK,
                        tile.unit(), tile.value(), tile.target(), tile.previous(), tile.rag(), tile.direction(),
                        tile.sampleSize(), tile.trend()))
                .toList();
        List<MomentOfTruthLine> moments = snapshot.momentsOfTruth().stream()
                .map(line -> line.kpi() == null ? line
                        : new MomentOfTruthLine(line.moment(), line.title(), mark(line.kpi(), affected)))
                .toList();
        Movements movements = new Movements(marked(snapshot.movements().improvements(), affected),
                marked(snapshot.movements().declines(), affected), snapshot.movements().comparable());
        return new RunSnapshot(snapshot.runId(), snapshot.month(), snapshot.companyName(), snapshot.ruleSetVersion(),
                snapshot.measuredAt(), kpis, snapshot.triggers(), snapshot.sourceBatches(), headlines, movements,
                snapshot.engagement(), snapshot.voice(), snapshot.retention(), moments, snapshot.actions(),
                snapshot.appendix(), snapshot.notice());
    }

    private static KpiLine mark(KpiLine kpi, Set<String> affected) {
        return !affected.contains(kpi.code()) ? kpi : new KpiLine(kpi.code(), kpi.name() + MARK, kpi.unit(),
                kpi.dimension(), kpi.value(), kpi.target(), kpi.rag(), kpi.previous(), kpi.sampleSize(),
                kpi.noDataReason());
    }

    private static List<KpiMovement> marked(List<KpiMovement> movements, Set<String> affected) {
        return movements.stream().map(movement -> !affected.contains(movement.code()) ? movement
                : new KpiMovement(movement.code(), movement.name() + MARK, movement.unit(), movement.previous(),
                        movement.value(), movement.change(), movement.direction(), movement.improved())).toList();
    }
}
