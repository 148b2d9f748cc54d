package org.rapport.engine.requests;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.Run;
import org.rapport.rules.engine.RequestThemeTally;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * Counts a month's request themes with a rule-set version, one page of texts per rule session, and
 * keeps the counts with the run. Runs in the caller's transaction. Not thread-safe: one per step.
 */
public class RecurringRequests {

    private final EntityManager entityManager;
    private final MonthRequests texts;

    public RecurringRequests(EntityManager entityManager) {
        this(entityManager, new MonthRequests(entityManager));
    }

    public RecurringRequests(EntityManager entityManager, MonthRequests texts) {
        this.entityManager = entityManager;
        this.texts = texts;
    }

    /** The month's theme counts as {@code version}'s themes table defines them, most mentioned first. */
    public List<RequestThemeCount> count(ReportingMonth month, RuleEngine engine, RuleSetVersion version) {
        RequestThemeTally tally = new RequestThemeTally();
        texts.forEachPage(month, page -> tally.add(engine.countThemes(version, page)));
        return tally.counts();
    }

    /** Replaces what the run stored before with {@code counts}. */
    public void store(long runId, List<RequestThemeCount> counts) {
        entityManager.createQuery("delete from RunRequestTheme t where t.run.id = :run")
                .setParameter("run", runId).executeUpdate();
        Run run = entityManager.getReference(Run.class, runId);
        for (RequestThemeCount count : counts) {
            entityManager.persist(new RunRequestTheme(run, count.code(), count.label(), count.pillar().name(),
                    count.mentions(), count.recursAt()));
        }
    }

    /** What run {@code runId} stored, most mentioned first. */
    public List<RequestThemeLine> of(long runId) {
        return entityManager.createQuery("""
                        select t from RunRequestTheme t where t.run.id = :run
                        order by t.mentions desc, t.code""", RunRequestTheme.class)
                .setParameter("run", runId)
                .getResultStream()
                .map(RequestThemeLine::of)
                .toList();
    }
}
