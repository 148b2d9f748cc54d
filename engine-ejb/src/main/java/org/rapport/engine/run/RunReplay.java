package org.rapport.engine.run;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.rapport.engine.engagement.EngagementMeasures;
import org.rapport.engine.engagement.EngagementProfiles;
import org.rapport.engine.kpi.ContactCosts;
import org.rapport.engine.kpi.CostToServeMeasures;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.MonthlyMeasures;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.requests.RecurringRequests;
import org.rapport.engine.requests.RequestThemeLine;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.facts.EngagementScore;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * Works a stored run out again from the stored facts with the rule-set version the run recorded — not
 * the one active now — and lists where the result differs from what the run stored: every KPI line
 * (value, sample, target, RAG), every customer's score and stage, the request-theme counts and the
 * triggers. Nothing is written: the replay runs in the caller's transaction and only reads.
 * <p>
 * Facts delivered for the month after the run do change the replay (the archived snapshot beside the
 * pack stays the record of what was published); so does a later run of the previous month being
 * published, since last month's figures and stages are read from its latest published run.
 * Not thread-safe: one per transaction.
 */
public class RunReplay {

    private final EntityManager entityManager;
    private final RuleEngine ruleEngine;
    private final ContactCosts contactCosts;

    public RunReplay(EntityManager entityManager, RuleEngine ruleEngine, ContactCosts contactCosts) {
        this.entityManager = entityManager;
        this.ruleEngine = ruleEngine;
        this.contactCosts = contactCosts;
    }

    /** Replays run {@code runId}; its differences are empty when the run is reproduced exactly. */
    public Replay replay(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        RuleSetVersion version = run.getRuleSetVersion();
        String described = version.describe();
        ReportingMonth month = ReportingMonth.of(run.getMonth());
        List<String> differences = new ArrayList<>(rescored(runId, month, version));

        List<Measurement> measured = new ArrayList<>(
                new MonthlyMeasures(entityManager, contactCosts, ZoneOffset.UTC).measure(month));
        measured.addAll(new EngagementMeasures(entityManager).measure(runId));
        measured.addAll(new CostToServeMeasures(entityManager, contactCosts, ZoneOffset.UTC).byEngagement(runId, month));
        Map<String, KpiValue> stored = new LinkedHashMap<>();
        entityManager.createQuery("select k from KpiValue k where k.run.id = :run order by k.id", KpiValue.class)
                .setParameter("run", runId)
                .getResultList()
                .forEach(value -> stored.put(key(value.getCode(), value.getDimension()), value));

        RecurringRequests requests = new RecurringRequests(entityManager);
        List<RequestThemeCount> themes = requests.count(month, ruleEngine, version);
        differences.addAll(themeDifferences(requests.of(runId), themes));

        List<Kpi> facts = new ArrayList<>();
        for (Measurement measurement : measured) {
            KpiValue value = stored.get(key(measurement.code(), measurement.dimension()));
            facts.add(new Kpi(measurement.code(), measurement.dimension(), measurement.value(),
                    value == null ? null : value.getPrevious(), KpiCatalogue.unit(measurement.code())));
        }
        Evaluation evaluation = ruleEngine.evaluate(version, facts, themes);
        differences.addAll(kpiDifferences(stored, measured, evaluation.kpis()));
        List<String> storedTriggers = entityManager.createQuery(
                        "select t from Trigger t where t.run.id = :run order by t.code", Trigger.class)
                .setParameter("run", runId)
                .getResultStream()
                .map(trigger -> trigger(trigger.getCode(), trigger.getSeverity(), trigger.getEvidence()))
                .toList();
        List<String> replayedTriggers = evaluation.triggers().stream()
                .map(trigger -> trigger(trigger.code(), trigger.severity().name(), trigger.evidence()))
                .toList();
        if (!storedTriggers.equals(replayedTriggers)) {
            differences.add("triggers: stored " + storedTriggers + ", replayed " + replayedTriggers);
        }
        return new Replay(runId, described, measured.size(), differences);
    }

    /**
     * Scores the month's customers again, page by page, against the scores the run stored. Differences are
     * counted, never listed by customer: a replay's report may be read by anyone who reads the run.
     */
    private List<String> rescored(long runId, ReportingMonth month, RuleSetVersion version) {
        long[] replayed = {0};
        long[] differing = {0};
        new EngagementProfiles(entityManager).forEachPage(month, page -> {
            List<EngagementScore> scores = ruleEngine.score(version, page).scores();
            Map<String, Object[]> stored = new HashMap<>();
            entityManager.createQuery("""
                            select s.customerRef, s.index, s.stage from CustomerScore s
                            where s.run.id = :run and s.customerRef in :refs""", Object[].class)
                    .setParameter("run", runId)
                    .setParameter("refs", page.stream().map(profile -> profile.getCustomerRef()).toList())
                    .getResultList()
                    .forEach(row -> stored.put((String) row[0], row));
            for (EngagementScore score : scores) {
                Object[] was = stored.get(score.getCustomerRef());
                String stage = score.getStage() == null ? null
                        : score.getStage().name().toLowerCase(java.util.Locale.ROOT);
                if (was == null || ((BigDecimal) was[1]).compareTo(BigDecimal.valueOf(score.getIndex())) != 0
                        || !Objects.equals(was[2], stage)) {
                    differing[0]++;
                }
            }
            replayed[0] += scores.size();
        });
        long storedScores = entityManager.createQuery("select count(s) from CustomerScore s where s.run.id = :run",
                Long.class).setParameter("run", runId).getSingleResult();
        List<String> differences = new ArrayList<>();
        if (storedScores != replayed[0]) {
            differences.add("customers scored: stored " + storedScores + ", replayed " + replayed[0]);
        }
        if (differing[0] > 0) {
            differences.add("customer scores: " + differing[0] + " scored differently or not stored");
        }
        return differences;
    }

    private static List<String> themeDifferences(List<RequestThemeLine> stored, List<RequestThemeCount> replayed) {
        Map<String, Integer> was = new LinkedHashMap<>();
        stored.forEach(line -> was.put(line.code(), line.mentions()));
        Map<String, Integer> now = new LinkedHashMap<>();
        replayed.forEach(count -> now.put(count.code(), count.mentions()));
        return was.equals(now) ? List.of() : List.of("request themes: stored " + was + ", replayed " + now);
    }

    private static List<String> kpiDifferences(Map<String, KpiValue> stored, List<Measurement> measured,
            List<Kpi> graded) {
        List<String> differences = new ArrayList<>();
        Map<String, KpiValue> unmatched = new LinkedHashMap<>(stored);
        for (int index = 0; index < measured.size(); index++) {
            Measurement measurement = measured.get(index);
            Kpi kpi = graded.get(index);
            KpiValue was = unmatched.remove(key(measurement.code(), measurement.dimension()));
            String line = measurement.code() + " [" + measurement.dimension() + "]";
            if (was == null) {
                differences.add(line + ": not stored, replayed " + measurement.value());
            } else if (!same(was.getValue(), measurement.value()) || was.getSampleSize() != measurement.sampleSize()
                    || !same(was.getTarget(), kpi.getTarget()) || !Objects.equals(was.getRag(), kpi.getRag().name())) {
                differences.add(line + ": stored " + was.getValue() + " (n=" + was.getSampleSize() + ", target "
                        + was.getTarget() + ", " + was.getRag() + "), replayed " + measurement.value() + " (n="
                        + measurement.sampleSize() + ", target " + kpi.getTarget() + ", " + kpi.getRag() + ")");
            }
        }
        unmatched.values().forEach(value -> differences.add(value.getCode() + " [" + value.getDimension()
                + "]: stored " + value.getValue() + ", not replayed"));
        return differences;
    }

    private static boolean same(BigDecimal stored, BigDecimal replayed) {
        return stored == null ? replayed == null : replayed != null && stored.compareTo(replayed) == 0;
    }

    private static String key(String code, String dimension) {
        return code + "|" + dimension;
    }

    private static String trigger(String code, String severity, String evidence) {
        return code + " " + severity + ": " + evidence;
    }

    /**
     * @param runId          the run replayed
     * @param ruleSetVersion the version it recorded and was replayed with
     * @param kpiLines       KPI lines worked out again
     * @param differences    where the replay differs from what the run stored; empty when reproduced
     */
    public record Replay(long runId, String ruleSetVersion, int kpiLines, List<String> differences) {

        public Replay {
            differences = List.copyOf(differences);
        }

        public boolean reproduced() {
            return differences.isEmpty();
        }
    }
}
