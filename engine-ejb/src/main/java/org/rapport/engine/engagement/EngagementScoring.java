package org.rapport.engine.engagement;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.MonthObservations;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.CustomerScore;
import org.rapport.engine.run.Run;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.facts.CustomerAction;
import org.rapport.rules.facts.EngagementScore;

/**
 * The engagement step of a run: profiles the customers active at the run's month end page by page,
 * scores each page with the run's rule-set version, and stores one {@link CustomerScore} per customer
 * the rules scored (never one for a customer without consent to analytics) and the actions the rules
 * raised as {@link CustomerActionRecord}s. Redoing the step replaces what an earlier attempt stored.
 * A month that holds no call, answer, purchase or case is not scored at all (no scores, no actions). Runs in
 * the caller's transaction; the persistence context is flushed and cleared after every page.
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
     * Scores run {@code runId}'s month with its rule-set version.
     *
     * @param progress told the number of customers scored so far after every page
     * @return the number of customer scores stored
     */
    public long score(long runId, RuleEngine engine, IntConsumer progress) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        RuleSetVersion version = run.getRuleSetVersion();
        ReportingMonth month = ReportingMonth.of(run.getMonth());
        entityManager.createQuery("delete from CustomerScore s where s.run.id = :run")
                .setParameter("run", runId).executeUpdate();
        entityManager.createQuery("delete from CustomerActionRecord a where a.runId = :run")
                .setParameter("run", runId).executeUpdate();
        if (!MonthObservations.of(entityManager, month, zone).anyBehaviour()) {
            // Nothing any customer did in the month reached us: scores would only restate the past as decline,
            // and their actions would go to the CRM for a month no one saw.
            progress.accept(0);
            return 0;
        }
        // Compile (or find) the rule set while the version is still managed: pages clear the context.
        engine.score(version, List.of());
        long[] scored = {0};
        new EngagementProfiles(entityManager, zone).forEachPage(month, page -> {
            CustomerEvaluation evaluation = engine.score(version, page);
            Run current = entityManager.getReference(Run.class, runId);
            for (EngagementScore score : evaluation.scores()) {
                entityManager.persist(new CustomerScore(current, score.getCustomerRef(),
                        BigDecimal.valueOf(score.getCognitive()), BigDecimal.valueOf(score.getEmotional()),
                        BigDecimal.valueOf(score.getBehavioural()), BigDecimal.valueOf(score.getIndex()),
                        stored(score)));
            }
            for (CustomerAction action : evaluation.actions()) {
                entityManager.persist(new CustomerActionRecord(runId, action.customerRef(), action.kind(),
                        action.reason()));
            }
            entityManager.flush();
            entityManager.clear();
            scored[0] += evaluation.scores().size();
            progress.accept((int) Math.min(Integer.MAX_VALUE, scored[0]));
        });
        return scored[0];
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
