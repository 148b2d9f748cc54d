package org.rapport.engine.run;

import java.time.YearMonth;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * Which run stands for a month: the latest published one. A re-run of a month supersedes the earlier
 * run once it is published, so this is the run the board last saw for that month.
 */
public class PublishedRuns {

    private final EntityManager entityManager;

    public PublishedRuns(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The id of the latest published run of {@code month}, if there is one. */
    public Optional<Long> latest(YearMonth month) {
        return Optional.ofNullable(entityManager.createQuery(
                        "select max(r.id) from Run r where r.month = :month and r.status = :published", Long.class)
                .setParameter("month", month.toString())
                .setParameter("published", RunStatus.PUBLISHED)
                .getSingleResult());
    }
}
