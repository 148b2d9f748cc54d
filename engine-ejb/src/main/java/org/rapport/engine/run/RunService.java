package org.rapport.engine.run;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.rapport.engine.config.RapportSettings;
import org.rapport.engine.engagement.CustomerRange;
import org.rapport.engine.engagement.EngagementScoring;
import org.rapport.engine.engagement.SideBySideScoring;
import org.rapport.engine.publish.DeliveryRetries;
import org.rapport.engine.publish.PackDistributor;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.kpi.EngagedContacts;
import org.rapport.engine.kpi.MonthReading;
import org.rapport.engine.snapshot.RunSnapshot;

/**
 * Each step of a monthly run in a transaction of its own, committed together with the record that
 * the step completed: the checkpoint an interrupted run resumes from.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class.getName());

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Resource
    private SessionContext context;

    @EJB
    private RuleEngine ruleEngine;

    @EJB
    private RulesAhead rulesAhead;

    @EJB
    private CallsGroupedAhead callsAhead;

    @Inject
    private Instance<PackRenderer> renderer;

    @Inject
    private RapportSettings settings;

    @EJB
    private PackDistributor distributor;

    @Inject
    private RunProgress progress;

    @EJB
    private DeliveryRetries retries;

    /** The container's threads, on which ranges of customers are scored side by side. */
    @Resource
    private ManagedThreadFactory threads;

    /**
     * Ranges of customers the scoring step scores at once, each on a thread and connection of its own: a page's
     * reading and rules keep one core busy, so about as many as the server has cores for the run.
     */
    @Inject
    @ConfigProperty(name = "rapport.run.scoring-side-by-side", defaultValue = "2")
    int scoringSideBySide;

    /**
     * Records a new run, unless the month already has one in progress (running or waiting). With
     * {@code missing} (a line per source the month lacks) it waits for its data; without, it is to be
     * launched at once.
     */
    public long create(YearMonth month, RunOrigin origin, String missing) throws RunInProgressException {
        RunSteps steps = steps();
        Run running = steps.inProgress(month).orElse(null);
        if (running != null) {
            throw new RunInProgressException(month, running.getId(),
                    running.getStatus() == RunStatus.WAITING_FOR_DATA);
        }
        Run run = steps.create(month, origin);
        if (missing != null) {
            run.waitFor(missing);
        }
        entityManager.flush();
        return run.getId();
    }

    /** The run, as the launcher needs it: its month and status. */
    public RunSummary.State state(long runId) {
        Run run = steps().run(runId);
        return new RunSummary.State(run.getId(), run.getMonth(), run.getStatus());
    }

    /** Runs waiting for their data, oldest month first. */
    public List<RunSummary.State> waiting() {
        return steps().waiting().stream()
                .map(run -> new RunSummary.State(run.getId(), run.getMonth(), run.getStatus())).toList();
    }

    /** Whether any run is working now. */
    public boolean anyRunning() {
        return steps().anyRunning();
    }

    /** Keeps a waiting run waiting, with what its month lacks now. */
    public void stillWaiting(long runId, String missing) {
        steps().waitFor(runId, missing);
    }

    /** Sets a waiting run going; see {@link RunSteps#proceed}. */
    public void proceed(long runId, String missing, String forcedBy) {
        steps().proceed(runId, missing, forcedBy);
    }

    /** Whether any run of {@code month} was started at or after {@code since}. */
    public boolean startedSince(YearMonth month, java.time.Instant since) {
        return steps().startedSince(month, since);
    }

    /** Runs a server that stopped mid-run left unfinished: still running, or published but not yet distributed. */
    public List<Long> interrupted() {
        return entityManager.createQuery("""
                select r.id from Run r
                where r.status = :running or (r.status = :published and r.completedStep = :publish)
                order by r.id""", Long.class)
                .setParameter("running", RunStatus.RUNNING)
                .setParameter("published", RunStatus.PUBLISHED)
                .setParameter("publish", RunStep.PUBLISH)
                .getResultList();
    }

    public void working(long runId, RunStep step) {
        steps().run(runId).working(step);
    }

    /**
     * The measuring step without one long transaction: the month is read part by part, each part in a
     * transaction of its own ({@link #read}), then the figures are worked out and stored, with the step's
     * checkpoint, in one more. A step interrupted while reading reads again: what it read are sums, not results.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void measureInParts(long runId) {
        RunService self = context.getBusinessObject(RunService.class);
        MonthReading reading = self.readingToDo(runId);
        if (reading == null) {
            return;
        }
        // the scoring step's rules compiled, and its calls grouped, on the other core while this step reads
        rulesAhead.compile(runId);
        callsAhead.group(runId);
        for (MonthReading.Part part : reading.parts()) {
            long started = System.nanoTime();
            self.read(reading, part);
            LOG.info(() -> "Run " + runId + " read " + part + " in " + (System.nanoTime() - started) / 1_000_000
                    + " ms");
        }
        self.perform(runId, RunStep.MEASURE, reading);
    }

    /**
     * The scoring step in parts: the earlier attempt's scores removed in one transaction, each page of
     * customers scored in one of its own — ranges of customers side by side ({@code rapport.run.scoring-side-by-side}),
     * each range page after page — the engagement KPIs and the step's checkpoint in one more. A step
     * interrupted part-way starts again from its first page.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void scoreInParts(long runId) {
        RunService self = context.getBusinessObject(RunService.class);
        if (!self.scoringToDo(runId)) {
            // what the measuring step grouped ahead is not read
            self.scoringDone(runId);
            return;
        }
        // counted page by page as the pages read them; a step interrupted part-way starts again from its first page
        progress.scored(runId, 0);
        SideBySideScoring.Scored scored = new SideBySideScoring.Scored(0, new EngagedContacts());
        List<CustomerRange> ranges = List.of();
        long started = System.nanoTime();
        long grouped = started;
        if (self.startScoring(runId)) {
            grouped = System.nanoTime();
            int sideBySide = scoringSideBySide();
            ranges = self.scoringRanges(runId, sideBySide);
            scored = new SideBySideScoring(threads, sideBySide).score(ranges,
                    (range, after) -> self.scorePage(runId, range, after),
                    customers -> progress.scored(runId, customers));
        }
        long paged = System.nanoTime();
        self.finishScoring(runId, scored.contacts());
        long total = scored.scores();
        int side = ranges.size();
        long[] millis = {(grouped - started) / 1_000_000, (paged - grouped) / 1_000_000,
                (System.nanoTime() - paged) / 1_000_000};
        LOG.info(() -> "Run " + runId + " scored " + total + " customers: calls grouped in " + millis[0] + " ms, pages"
                + " in " + side + " ranges side by side in " + millis[1] + " ms, engagement measured in " + millis[2]
                + " ms");
    }

    private int scoringSideBySide() {
        if (scoringSideBySide < 1) {
            LOG.warning(() -> "rapport.run.scoring-side-by-side is " + scoringSideBySide + ": scoring one range at a"
                    + " time (at least 1)");
            return 1;
        }
        return scoringSideBySide;
    }

    /** The run's customers cut into at most {@code parts} ranges, to be scored side by side. */
    public List<CustomerRange> scoringRanges(long runId, int parts) {
        return steps().scoringRanges(runId, parts);
    }

    /** Whether the scoring step is still to do. */
    public boolean scoringToDo(long runId) {
        Run run = steps().run(runId);
        return !run.hasCompleted(RunStep.SCORE) && run.getStatus() != RunStatus.UNCHANGED;
    }

    /** Lets go of the calls grouped for the run's scoring. */
    public void scoringDone(long runId) {
        steps().scoringDone(runId);
    }

    public boolean startScoring(long runId) {
        return steps().startScoring(runId);
    }

    public EngagementScoring.ScoredPage scorePage(long runId, CustomerRange range, String after) {
        return steps().scorePage(runId, range, after);
    }

    /**
     * The engagement KPIs from the stored scores, and cost to serve by engagement from the scored customers'
     * {@code contacts} the pages counted, committed with the step's checkpoint.
     */
    public void finishScoring(long runId, EngagedContacts contacts) {
        RunSteps steps = steps();
        Run run = steps.run(runId);
        if (run.hasCompleted(RunStep.SCORE)) {
            return;
        }
        steps.storeEngagementMeasures(runId, contacts);
        steps.scoringDone(runId);
        run.completed(RunStep.SCORE);
    }

    /** The month to read for the measuring step, or null when the step is done or there is nothing to measure. */
    public MonthReading readingToDo(long runId) {
        Run run = steps().run(runId);
        if (run.hasCompleted(RunStep.MEASURE) || run.getStatus() == RunStatus.UNCHANGED) {
            return null;
        }
        return steps().reading(runId);
    }

    /** Reads one part of the month, in a transaction of its own. */
    public void read(MonthReading reading, MonthReading.Part part) {
        reading.read(part, entityManager);
    }

    /** Does {@code step} for the run unless an earlier execution already completed it. */
    public void perform(long runId, RunStep step) {
        perform(runId, step, null);
    }

    /** As {@link #perform(long, RunStep)}, measuring from {@code reading} when it is not null. */
    public void perform(long runId, RunStep step, MonthReading reading) {
        RunSteps steps = steps();
        Run run = steps.run(runId);
        if (run.hasCompleted(step)) {
            return;
        }
        if (run.getStatus() == RunStatus.UNCHANGED) {
            // the re-run came out as the published pack: nothing new to render, publish or send
            run.completed(step);
            return;
        }
        switch (step) {
            case CLOSE_INTAKE -> steps.closeIntake(runId);
            case MEASURE -> {
                if (reading == null) {
                    steps.measure(runId);
                } else {
                    steps.measure(runId, reading);
                }
            }
            case SCORE -> steps.score(runId, scored -> progress.scored(runId, scored));
            case EVALUATE -> {
                steps.evaluate(runId);
                steps.compareWithPublished(runId).ifPresent(diff -> LOG.info(() -> diff.identical()
                        ? "Run " + runId + " for " + run.getMonth() + " came out as the published pack (run "
                                + run.getRevisesRunId() + "): nothing new is published"
                        : "Run " + runId + " for " + run.getMonth() + " revises run " + run.getRevisesRunId()
                                + ": " + diff.lines().size() + " changes"));
            }
            case RENDER -> {
                RunSnapshot snapshot = steps.snapshot(runId, settings.companyName());
                steps.storeRendered(runId, renderer.get().render(snapshot), snapshot);
            }
            case PUBLISH -> {
                BoardPack pack = steps.publish(runId, settings.packsDir());
                // The operator's answer to "where is the pack?": path and checksum, nothing personal.
                LOG.info(() -> String.format("Board pack for %s (run %d) published: %s (sha256 %s)",
                        run.getMonth(), runId, pack.getFilePath(), pack.getSha256()));
            }
            case DISTRIBUTE -> {
                if (distributor.distribute(runId) > 0) {
                    retries.scheduleIfPending();
                }
            }
        }
        run.completed(step);
    }

    public void fail(long runId, String reason) {
        steps().fail(runId, reason);
    }

    private RunSteps steps() {
        return new RunSteps(entityManager, ruleEngine, Clock.systemUTC(), settings.contactCosts());
    }
}
