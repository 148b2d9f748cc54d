package org.rapport.engine.run;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.action.ActionFollowUps;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.engagement.EngagementMeasures;
import org.rapport.engine.engagement.EngagementProfiles;
import org.rapport.engine.engagement.CustomerRange;
import org.rapport.engine.engagement.EngagementScoring;
import org.rapport.engine.kpi.Breakdown;
import org.rapport.engine.kpi.ContactCosts;
import org.rapport.engine.kpi.CostToServeMeasures;
import org.rapport.engine.kpi.EngagedContacts;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.MonthObservations;
import org.rapport.engine.kpi.MonthReading;
import org.rapport.engine.kpi.MonthlyMeasures;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.requests.RecurringRequests;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.RunSnapshotReader;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * The work of each {@link RunStep}, meant to run inside one transaction per step. Every step first
 * removes what an interrupted earlier attempt of the same step may have left, so doing a step again
 * never duplicates its results. Not thread-safe: one instance per transaction.
 */
public class RunSteps {

    /** The stored figures the scoring step measures; the measuring step owns every other one. */
    private static final String MEASURED_WHEN_SCORING =
            "(k.code in :codes or k.dimension like '" + Breakdown.ENGAGEMENT.prefix() + "%')";

    private final EntityManager entityManager;
    private final RuleEngine ruleEngine;
    private final Clock clock;
    private final ContactCosts contactCosts;

    /** Steps that price contacts at the standard costs per contact. */
    public RunSteps(EntityManager entityManager, RuleEngine ruleEngine, Clock clock) {
        this(entityManager, ruleEngine, clock, ContactCosts.standard());
    }

    /** Steps that price contacts for cost to serve at {@code contactCosts}. */
    public RunSteps(EntityManager entityManager, RuleEngine ruleEngine, Clock clock, ContactCosts contactCosts) {
        this.entityManager = entityManager;
        this.ruleEngine = ruleEngine;
        this.clock = clock;
        this.contactCosts = contactCosts;
    }

    /** Records a new run of {@code month} with the active rule-set version; no step has run yet. */
    public Run create(YearMonth month, RunOrigin origin) {
        RuleSetVersion rules = new RuleSetStore(entityManager, clock).activeOrSeedDefault();
        Run run = new Run(month, origin, rules, clock.instant());
        entityManager.persist(run);
        return run;
    }

    /** Runs waiting for their month's data, oldest month first. */
    public List<Run> waiting() {
        return entityManager.createQuery("select r from Run r where r.status = :waiting order by r.month, r.id",
                        Run.class)
                .setParameter("waiting", RunStatus.WAITING_FOR_DATA).getResultList();
    }

    /** Whether any run is working now (not waiting): intake-triggered runs go one at a time, in month order. */
    public boolean anyRunning() {
        return entityManager.createQuery("select count(r) from Run r where r.status = :running", Long.class)
                .setParameter("running", RunStatus.RUNNING).getSingleResult() > 0;
    }

    /** The run in progress for {@code month}, running or waiting for its data, if any. */
    public Optional<Run> inProgress(YearMonth month) {
        return entityManager.createQuery(
                        "select r from Run r where r.month = :month and r.status in (:running, :waiting)", Run.class)
                .setParameter("month", month.toString())
                .setParameter("running", RunStatus.RUNNING)
                .setParameter("waiting", RunStatus.WAITING_FOR_DATA)
                .getResultStream().findFirst();
    }

    /** Whether any run of {@code month} was started at or after {@code since}. */
    public boolean startedSince(YearMonth month, java.time.Instant since) {
        return entityManager.createQuery(
                        "select count(r) from Run r where r.month = :month and r.startedAt >= :since", Long.class)
                .setParameter("month", month.toString())
                .setParameter("since", since)
                .getSingleResult() > 0;
    }

    public Run run(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        return run;
    }

    /**
     * The batches accepted so far that hold records of the run's month become its lineage (a file of another
     * month's records is not this month's evidence); later deliveries belong to later runs.
     */
    public void closeIntake(long runId) {
        Run run = run(runId);
        run.getSourceBatches().clear();
        List<Long> ofMonth = MonthObservations.batchesOf(entityManager, ReportingMonth.of(run.getMonth()),
                ZoneOffset.UTC);
        if (!ofMonth.isEmpty()) {
            run.getSourceBatches().addAll(entityManager.createQuery(
                            "select b from SourceBatch b where b.id in :ids order by b.id", SourceBatch.class)
                    .setParameter("ids", ofMonth)
                    .getResultList());
        }
    }

    /** Measures the month in the database and stores each figure with last month's beside it. */
    public void measure(long runId) {
        measure(runId, reading(runId));
    }

    /** The run's month to be read ahead of measuring, part by part ({@link MonthReading#parts()}). */
    public MonthReading reading(long runId) {
        return new MonthReading(entityManager, ReportingMonth.of(run(runId).getMonth()), ZoneOffset.UTC);
    }

    /** Measures the month from what {@code reading} read ahead (and reads the rest) and stores each figure. */
    public void measure(long runId, MonthReading reading) {
        Run run = run(runId);
        // The engagement KPIs belong to the scoring step: each step redoes only its own results.
        entityManager.createQuery("delete from KpiValue k where k.run.id = :run and not " + MEASURED_WHEN_SCORING)
                .setParameter("run", runId)
                .setParameter("codes", KpiCatalogue.ENGAGEMENT_CODES)
                .executeUpdate();
        store(run, new MonthlyMeasures(entityManager, contactCosts, ZoneOffset.UTC).measure(reading));
    }

    /**
     * Scores every consenting customer with the run's rules (a session per page of customers, never
     * per customer) and stores the engagement KPIs measured from those scores, all in this transaction.
     */
    public long score(long runId, IntConsumer progress) {
        long scored = new EngagementScoring(entityManager).score(runId, ruleEngine, progress);
        storeEngagementMeasures(runId);
        return scored;
    }

    /** Starts scoring afresh (see {@link EngagementScoring#start}); false when the month has nothing to score. */
    public boolean startScoring(long runId) {
        return new EngagementScoring(entityManager).start(runId, ruleEngine);
    }

    /** Deletes what the run's scoring grouped for its pages (see {@link EngagementScoring#finish}). */
    public void scoringDone(long runId) {
        new EngagementScoring(entityManager).finish(runId);
    }

    /**
     * Scores the page of customers of {@code range} after {@code after}; one transaction a page keeps a large month's
     * short.
     */
    public EngagementScoring.ScoredPage scorePage(long runId, CustomerRange range, String after) {
        return new EngagementScoring(entityManager).scorePage(runId, ruleEngine, range, after,
                EngagementProfiles.PAGE_SIZE);
    }

    /** The run's customers cut into at most {@code parts} ranges to be scored side by side. */
    public List<CustomerRange> scoringRanges(long runId, int parts) {
        return new EngagementScoring(entityManager).ranges(runId, parts);
    }

    /** The engagement KPIs and cost to serve by stage, from the run's stored scores. */
    public void storeEngagementMeasures(long runId) {
        storeEngagementMeasures(runId, null);
    }

    /**
     * As {@link #storeEngagementMeasures(long)}, cost to serve by engagement priced from the {@code contacts} the
     * scoring pages counted (when not null) rather than from the month's calls and cases read again.
     */
    public void storeEngagementMeasures(long runId, EngagedContacts contacts) {
        Run run = run(runId);
        entityManager.createQuery("delete from KpiValue k where k.run.id = :run and " + MEASURED_WHEN_SCORING)
                .setParameter("run", runId)
                .setParameter("codes", KpiCatalogue.ENGAGEMENT_CODES)
                .executeUpdate();
        store(run, new EngagementMeasures(entityManager).measure(runId));
        CostToServeMeasures costs = new CostToServeMeasures(entityManager, contactCosts, ZoneOffset.UTC);
        ReportingMonth month = ReportingMonth.of(run.getMonth());
        store(run, contacts == null ? costs.byEngagement(runId, month) : costs.byEngagement(runId, month, contacts));
    }

    private void store(Run run, List<Measurement> measurements) {
        Map<String, BigDecimal> previous = previousValues(ReportingMonth.of(run.getMonth()));
        for (Measurement measurement : measurements) {
            entityManager.persist(new KpiValue(run, measurement.code(), measurement.dimension(), measurement.value(),
                    measurement.sampleSize(), null, null,
                    previous.get(measurement.code() + "|" + measurement.dimension())));
        }
    }

    /**
     * Lets the run's rule set grade the stored figures and raise its triggers, over the KPIs and over the
     * request themes it counts in the month's comments and cases (stored with the run as counts), then
     * follows last month's action points up: still firing or no longer firing.
     */
    public void evaluate(long runId) {
        Run run = run(runId);
        ActionFollowUps followUps = new ActionFollowUps(entityManager);
        followUps.forget(runId);
        deleteForRun(Trigger.class, runId);
        RecurringRequests requests = new RecurringRequests(entityManager);
        List<RequestThemeCount> themes = requests.count(ReportingMonth.of(run.getMonth()), ruleEngine,
                run.getRuleSetVersion());
        requests.store(runId, themes);
        List<KpiValue> values = entityManager.createQuery("select k from KpiValue k where k.run.id = :run order by k.id",
                        KpiValue.class)
                .setParameter("run", runId)
                .getResultList();
        Map<Kpi, KpiValue> facts = new IdentityHashMap<>();
        List<Kpi> kpis = new ArrayList<>();
        for (KpiValue value : values) {
            Kpi kpi = new Kpi(value.getCode(), value.getDimension(), value.getValue(), value.getPrevious(),
                    KpiCatalogue.unit(value.getCode()));
            facts.put(kpi, value);
            kpis.add(kpi);
        }
        Evaluation evaluation = ruleEngine.evaluate(run.getRuleSetVersion(), kpis, themes);
        facts.forEach((kpi, value) -> value.grade(kpi.getTarget(), kpi.getRag().name()));
        for (ImprovementTrigger trigger : evaluation.triggers()) {
            entityManager.persist(new Trigger(run, trigger.code(), trigger.title(), trigger.pillar().name(),
                    trigger.severity().name(), trigger.evidence()));
        }
        followUps.record(run, evaluation.triggers().stream().map(ImprovementTrigger::code)
                .collect(Collectors.toSet()));
    }

    /** What the pack shows, read from what the run stored. */
    public RunSnapshot snapshot(long runId, String companyName) {
        return new RunSnapshotReader(entityManager).read(runId, companyName)
                .withNotice(new PackNotices(entityManager, this).of(run(runId)));
    }

    /** Keeps the rendered pack, and the snapshot it was rendered from, with the run; not published yet. */
    public BoardPack storeRendered(long runId, byte[] pdf, RunSnapshot snapshot) {
        deleteForRun(BoardPack.class, runId);
        BoardPack pack = new BoardPack(run(runId), pdf, PackFiles.sha256(pdf), SnapshotArchive.toJson(snapshot));
        entityManager.persist(pack);
        return pack;
    }

    /** Writes the rendered pack to the packs folder and marks the run published. */
    public BoardPack publish(long runId, Path packsFolder) {
        Run run = run(runId);
        BoardPack pack = entityManager.createQuery("select p from BoardPack p where p.run.id = :run", BoardPack.class)
                .setParameter("run", runId)
                .getSingleResult();
        Path file = PackFiles.write(packsFolder, PackFiles.fileName(run.getMonth(), runId), pack.getPdf());
        pack.published(file.toString(), clock.instant());
        run.published(clock.instant());
        return pack;
    }

    /** The run waits for its month's data; {@code missing} says for what, a line per source. */
    public void waitFor(long runId, String missing) {
        run(runId).waitFor(missing);
    }

    /**
     * Sets a waiting run going: complete data when {@code missing} is empty, else incomplete — forced
     * by {@code forcedBy}, or (null) past its deadline by the installation's choice.
     */
    public void proceed(long runId, String missing, String forcedBy) {
        Run run = run(runId);
        if (missing == null || missing.isBlank()) {
            if (forcedBy == null) {
                run.proceed();
            } else {
                run.proceedIncomplete(null, forcedBy);
            }
        } else {
            run.proceedIncomplete(missing, forcedBy);
        }
    }

    /**
     * Compares the run with the latest published run of its month: identical figures, RAGs and
     * triggers make it UNCHANGED (nothing new will be published); otherwise it becomes a revision of
     * that run. A month never published before is neither. Returns the comparison, if there was one.
     */
    public Optional<RevisionDiff> compareWithPublished(long runId) {
        Run run = run(runId);
        Optional<Long> published = new PublishedRuns(entityManager).latest(run.getMonth())
                .filter(previous -> previous != runId);
        if (published.isEmpty()) {
            return Optional.empty();
        }
        RevisionDiff diff = diff(published.get(), runId);
        if (diff.identical()) {
            run.unchanged(published.get(), clock.instant());
        } else {
            run.revises(published.get());
        }
        return Optional.of(diff);
    }

    /** What changed from published run {@code publishedRunId} to run {@code runId}. */
    public RevisionDiff diff(long publishedRunId, long runId) {
        return new RevisionDiff(figures(publishedRunId), figures(runId), raised(publishedRunId), raised(runId));
    }

    private List<RevisionDiff.Figure> figures(long runId) {
        return entityManager.createQuery("select k from KpiValue k where k.run.id = :run order by k.id", KpiValue.class)
                .setParameter("run", runId).getResultStream()
                .map(value -> new RevisionDiff.Figure(value.getCode(), value.getDimension(), value.getValue(),
                        value.getRag()))
                .toList();
    }

    private List<RevisionDiff.RaisedTrigger> raised(long runId) {
        return entityManager.createQuery("select t from Trigger t where t.run.id = :run order by t.id", Trigger.class)
                .setParameter("run", runId).getResultStream()
                .map(trigger -> new RevisionDiff.RaisedTrigger(trigger.getCode(), trigger.getTitle()))
                .toList();
    }

    public void fail(long runId, String reason) {
        Run run = entityManager.find(Run.class, runId);
        if (run != null && run.getStatus() == RunStatus.RUNNING) {
            run.failed(clock.instant(), reason);
            // a run failed for good never scores again: its grouped calls would stay for ever
            scoringDone(runId);
        }
    }

    private void deleteForRun(Class<?> entity, long runId) {
        entityManager.createQuery("delete from " + entity.getSimpleName() + " e where e.run.id = :run")
                .setParameter("run", runId)
                .executeUpdate();
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
