package org.rapport.engine.run;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.MonthlyMeasures;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;

/**
 * The steps of a monthly run, each meant to be one transaction: start, measure and evaluate,
 * publish or fail. Not thread-safe: one instance per transaction.
 */
public class RunSteps {

    private final EntityManager entityManager;
    private final RuleEngine ruleEngine;
    private final Clock clock;

    public RunSteps(EntityManager entityManager, RuleEngine ruleEngine, Clock clock) {
        this.entityManager = entityManager;
        this.ruleEngine = ruleEngine;
        this.clock = clock;
    }

    /** Records a new run with the active rule-set version and the batches accepted so far (its lineage). */
    public Run start(YearMonth month) {
        RuleSetVersion rules = new RuleSetStore(entityManager, clock).activeOrSeedDefault();
        Run run = new Run(month, rules, clock.instant());
        run.getSourceBatches().addAll(entityManager.createQuery(
                        "select b from SourceBatch b where b.status = :accepted order by b.id", SourceBatch.class)
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .getResultList());
        entityManager.persist(run);
        return run;
    }

    /** Measures the month in the database, lets the run's rule set grade it, and stores what came out. */
    public void measureAndEvaluate(long runId) {
        Run run = entityManager.find(Run.class, runId);
        ReportingMonth month = ReportingMonth.of(run.getMonth());
        List<Measurement> measurements = new MonthlyMeasures(entityManager).measure(month);
        Map<String, BigDecimal> previous = previousValues(month);
        Map<Kpi, Measurement> facts = new java.util.LinkedHashMap<>();
        for (Measurement measurement : measurements) {
            String key = measurement.code() + "|" + measurement.dimension();
            facts.put(new Kpi(measurement.code(), measurement.dimension(), measurement.value(), previous.get(key)),
                    measurement);
        }
        Evaluation evaluation = ruleEngine.evaluate(run.getRuleSetVersion(), facts.keySet());
        for (Map.Entry<Kpi, Measurement> graded : facts.entrySet()) {
            Kpi kpi = graded.getKey();
            entityManager.persist(new KpiValue(run, kpi.getCode(), kpi.getDimension(), kpi.getValue(),
                    graded.getValue().sampleSize(), kpi.getTarget(), kpi.getRag().name(), kpi.getPrevious()));
        }
        for (ImprovementTrigger trigger : evaluation.triggers()) {
            entityManager.persist(new Trigger(run, trigger.code(), trigger.title(), trigger.pillar().name(),
                    trigger.severity().name(), trigger.evidence()));
        }
    }

    /** Stores the rendered pack and marks the run published. */
    public BoardPack publish(long runId, byte[] pdf, String sha256, String filePath) {
        Run run = entityManager.find(Run.class, runId);
        BoardPack pack = new BoardPack(run, pdf, sha256, filePath, clock.instant());
        entityManager.persist(pack);
        run.published(clock.instant());
        return pack;
    }

    public void fail(long runId, String reason) {
        Run run = entityManager.find(Run.class, runId);
        if (run != null) {
            run.failed(clock.instant(), reason);
        }
    }

    /** Last month's figures from its latest published run, keyed by code and dimension. */
    private Map<String, BigDecimal> previousValues(ReportingMonth month) {
        List<KpiValue> values = entityManager.createQuery("""
                select k from KpiValue k
                where k.run.id = (select max(r.id) from Run r where r.month = :month and r.status = :published)""",
                        KpiValue.class)
                .setParameter("month", month.previous().month().toString())
                .setParameter("published", RunStatus.PUBLISHED)
                .getResultList();
        Map<String, BigDecimal> previous = new HashMap<>();
        values.forEach(value -> previous.put(value.getCode() + "|" + value.getDimension(), value.getValue()));
        return previous;
    }
}
