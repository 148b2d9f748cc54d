package org.rapport.engine.snapshot;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.Trigger;

/** Reads what a run stored into the snapshot a pack is rendered from. */
public class RunSnapshotReader {

    private static final List<String> SEVERITY_ORDER = List.of("HIGH", "MEDIUM", "LOW");

    private final EntityManager entityManager;

    public RunSnapshotReader(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public RunSnapshot read(long runId, String companyName) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        List<KpiLine> kpis = entityManager.createQuery(
                        "select k from KpiValue k where k.run.id = :run", KpiValue.class)
                .setParameter("run", runId)
                .getResultStream()
                .sorted(Comparator.comparingInt((KpiValue k) -> KpiCatalogue.position(k.getCode()))
                        .thenComparing(KpiValue::getDimension))
                .map(RunSnapshotReader::line)
                .toList();
        List<TriggerLine> triggers = entityManager.createQuery(
                        "select t from Trigger t where t.run.id = :run order by t.id", Trigger.class)
                .setParameter("run", runId)
                .getResultStream()
                .sorted(Comparator.comparingInt((Trigger t) -> SEVERITY_ORDER.indexOf(t.getSeverity())))
                .map(t -> new TriggerLine(t.getCode(), t.getTitle(), t.getPillar(), t.getSeverity(), t.getEvidence()))
                .toList();
        List<BatchLine> batches = run.getSourceBatches().stream()
                .map(b -> new BatchLine(b.getKind().name(), b.getName(), b.getChecksum(), b.getRowsAccepted(),
                        b.getRowsQuarantined()))
                .toList();
        return new RunSnapshot(runId, run.getMonth(), companyName, run.getRuleSetVersion().describe(),
                run.getStartedAt(), kpis, triggers, batches);
    }

    private static KpiLine line(KpiValue value) {
        KpiDefinition definition = KpiCatalogue.find(value.getCode())
                .orElse(new KpiDefinition(value.getCode(), value.getCode(), "", ""));
        return new KpiLine(value.getCode(), definition.name(), definition.unit(), value.getDimension(),
                value.getValue(), value.getTarget(), value.getRag(), value.getPrevious(), value.getSampleSize());
    }
}
