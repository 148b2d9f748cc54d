package org.rapport.engine.engagement;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.EngagedContacts;
import org.rapport.engine.kpi.MonthObservations;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.CustomerScore;
import org.rapport.engine.run.Run;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.facts.CustomerAction;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;

/**
 * The engagement step of a run: profiles the customers active at the run's month end page by page,
 * scores each page with the run's rule-set version, and stores one {@link CustomerScore} per customer
 * the rules scored (never one for a customer without consent to analytics) and the actions the rules
 * raised as {@link CustomerActionRecord}s. Redoing the step replaces what an earlier attempt stored.
 * A month that holds no call, answer, purchase or case is not scored at all (no scores, no actions). Runs in
 * the caller's transaction: all pages in one ({@link #score}), or a page each ({@link #start}, then
 * {@link #scorePage} until the last), so that a large month needs no long transaction.
 */
public class EngagementScoring {

    private final EntityManager entityManager;
    private final ZoneId zone;

    public EngagementScoring(EntityManager entityManager) {
        this(entityManager, ZoneOffset.UTC);
    }

    /** Scoring whose service-case instants are cut into months in the contact centre's {@code zone}. */
    public EngagementScoring(EntityManager entityManager, ZoneId zone) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * Scores run {@code runId}'s month with its rule-set version, every page in the caller's transaction.
     *
     * @param progress told the number of customers scored so far after every page
     * @return the number of customer scores stored
     */
    public long score(long runId, RuleEngine engine, IntConsumer progress) {
        if (!start(runId, engine)) {
            progress.accept(0);
            return 0;
        }
        long scored = 0;
        String after = "";
        while (true) {
            ScoredPage page = scorePage(runId, engine, after, EngagementProfiles.PAGE_SIZE);
            scored += page.scores();
            progress.accept((int) Math.min(Integer.MAX_VALUE, scored));
            if (page.last()) {
                finish(runId);
                return scored;
            }
            after = page.lastCustomer();
        }
    }

    /** Deletes what scoring run {@code runId} grouped for its pages ({@link #start}); once its last page is scored. */
    public void finish(long runId) {
        new EngagementProfiles(entityManager, zone).release(pass(runId));
    }

    /** Whether this process holds the calls run {@code runId}'s scoring grouped: from its start to its finish. */
    public static boolean holdsGroupedCalls(long runId) {
        return CallProfiles.holds(pass(runId));
    }

    /** Whether this process holds calls grouped ahead for run {@code runId}'s scoring ({@link #groupCallsAhead}). */
    public static boolean holdsCallsGroupedAhead(long runId) {
        return CallProfiles.groupedAhead(pass(runId));
    }

    /** The pass a run's scoring groups its month's calls under ({@link EngagementProfiles#prepare}). */
    private static String pass(long runId) {
        return "run-" + runId;
    }

    /**
     * Starts scoring run {@code runId} afresh: what an earlier attempt stored is removed. Returns whether
     * there is anything to score: a month that holds no call, answer, purchase or case is not scored.
     */
    public boolean start(long runId, RuleEngine engine) {
        Run run = run(runId);
        entityManager.createQuery("delete from CustomerScore s where s.run.id = :run")
                .setParameter("run", runId).executeUpdate();
        entityManager.createQuery("delete from CustomerActionRecord a where a.runId = :run")
                .setParameter("run", runId).executeUpdate();
        if (!MonthObservations.of(entityManager, ReportingMonth.of(run.getMonth()), zone).anyBehaviour()) {
            // Nothing any customer did in the month reached us: scores would only restate the past as decline,
            // and their actions would go to the CRM for a month no one saw.
            return false;
        }
        // compiled (or found) once, before the pages
        engine.score(run.getRuleSetVersion(), List.of());
        // the calls and survey answers grouped once for every page, or taken from the measuring step that grouped
        // them ahead; an interrupted step starting again groups them afresh
        new EngagementProfiles(entityManager, zone).prepareOrTakeAhead(ReportingMonth.of(run.getMonth()), pass(runId));
        return true;
    }

    /**
     * Groups, on the caller's thread, the calls and survey answers the scoring of run {@code runId} will read, for its
     * {@link #start} to take: the measuring step does it while it reads the month.
     */
    public void groupCallsAhead(long runId) {
        new EngagementProfiles(entityManager, zone).prepareAhead(ReportingMonth.of(run(runId).getMonth()), pass(runId));
    }

    /**
     * Run {@code runId}'s customers cut into at most {@code parts} ranges of about as many customers each, whose pages
     * can be scored side by side ({@link SideBySideScoring}); call after {@link #start}.
     */
    public List<CustomerRange> ranges(long runId, int parts) {
        return new EngagementProfiles(entityManager, zone).ranges(ReportingMonth.of(run(runId).getMonth()), parts);
    }

    /**
     * Scores the next page of up to {@code size} customers after {@code after} (external-id order; "" for
     * the first) and stores their scores and actions; the persistence context is flushed and cleared.
     */
    public ScoredPage scorePage(long runId, RuleEngine engine, String after, int size) {
        return scorePage(runId, engine, CustomerRange.ALL, after, size);
    }

    /** As {@link #scorePage(long, RuleEngine, String, int)}, the page's customers taken from {@code range} only. */
    public ScoredPage scorePage(long runId, RuleEngine engine, CustomerRange range, String after, int size) {
        Run run = run(runId);
        RuleSetVersion version = run.getRuleSetVersion();
        EngagementProfiles.Page page = new EngagementProfiles(entityManager, zone)
                .pageWithContacts(ReportingMonth.of(run.getMonth()), pass(runId), range, after, size);
        List<CustomerProfile> profiles = page.profiles();
        if (profiles.isEmpty()) {
            return new ScoredPage(after, 0, true, new EngagedContacts());
        }
        CustomerEvaluation evaluation = engine.score(version, profiles);
        EngagedContacts contacts = new EngagedContacts();
        for (EngagementScore score : evaluation.scores()) {
            String stage = stored(score);
            entityManager.persist(new CustomerScore(run, score.getCustomerRef(),
                    BigDecimal.valueOf(score.getCognitive()), BigDecimal.valueOf(score.getEmotional()),
                    BigDecimal.valueOf(score.getBehavioural()), BigDecimal.valueOf(score.getIndex()), stage));
            contacts.add(EngagedContacts.engaged(stage), page.contactsOf(score.getCustomerRef()));
        }
        for (CustomerAction action : evaluation.actions()) {
            entityManager.persist(new CustomerActionRecord(runId, action.customerRef(), action.kind(),
                    action.reason()));
        }
        entityManager.flush();
        entityManager.clear();
        return new ScoredPage(profiles.get(profiles.size() - 1).getCustomerRef(), evaluation.scores().size(),
                profiles.size() < size, contacts);
    }

    /**
     * One page scored.
     *
     * @param lastCustomer the last customer of the page, where the next page starts after
     * @param scores       the scores stored (customers without consent to analytics get none)
     * @param last         whether no customer follows
     * @param contacts     the month's contacts of the customers scored, for cost to serve by engagement
     */
    public record ScoredPage(String lastCustomer, int scores, boolean last, EngagedContacts contacts) {
    }

    private Run run(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        return run;
    }

    /** The actions the rules raised in run {@code runId}, by customer and kind: the CRM's work list. */
    public List<CustomerActionRecord> actions(long runId) {
        return entityManager.createQuery("""
                        select a from CustomerActionRecord a where a.runId = :run
                        order by a.customerRef, a.kind, a.id""", CustomerActionRecord.class)
                .setParameter("run", runId)
                .getResultList();
    }

    /** Stages are stored lower case ("regular"), as the run snapshot reads them. */
    private static String stored(EngagementScore score) {
        return score.getStage() == null ? null : score.getStage().name().toLowerCase(Locale.ROOT);
    }
}
