package org.rapport.engine.run;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

/** The latest month that has contact data (calls or survey responses): the one a new delivery reports on. */
public class LatestMonth {

    private final EntityManager entityManager;

    public LatestMonth(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<YearMonth> find() {
        // the latest day first: the calls are indexed by day, not by time (V108)
        LocalDateTime lastCall = entityManager.createQuery("select max(c.startedAt) from Call c"
                        + " where c.startedOn = (select max(d.startedOn) from Call d)", LocalDateTime.class)
                .getSingleResult();
        LocalDateTime lastResponse = entityManager.createQuery(
                "select max(r.respondedAt) from SurveyResponse r", LocalDateTime.class).getSingleResult();
        return Stream.of(lastCall, lastResponse)
                .filter(java.util.Objects::nonNull)
                .max(LocalDateTime::compareTo)
                .map(YearMonth::from);
    }
}
