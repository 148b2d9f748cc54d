package org.rapport.engine.kpi;

import static org.rapport.engine.kpi.Aggregates.asDouble;
import static org.rapport.engine.kpi.Aggregates.asLong;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallOutcome;

/**
 * The moments of truth beyond time to a human: repeating information, waiting too long, an agent
 * without the history, the wrong channel, and coming back within a week.
 */
public class ContactCentreMeasures implements MeasureFamily {

    /** The answer-time target behind the service level: 80/20 is the industry's usual yardstick. */
    static final int SERVICE_LEVEL_SECONDS = 20;

    private final EntityManager entityManager;

    public ContactCentreMeasures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        return List.of(reidentifiedAfterTransfer(month), averageSpeedOfAnswer(month), serviceLevel(month),
                queueAbandonment(month), noHistory(month), preferredChannel(month), repeatContacts(month));
    }

    Measurement reidentifiedAfterTransfer(ReportingMonth month) {
        Object[] row = window(month, """
                select count(c), sum(case when c.timesReidentified > 0 then 1 else 0 end)
                from Call c where c.transfers > 0 and c.startedAt >= :start and c.startedAt < :end""");
        return share(KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER, row);
    }

    Measurement averageSpeedOfAnswer(ReportingMonth month) {
        Object[] row = window(month, """
                select count(c), avg(c.queueSeconds)
                from Call c where c.outcome = org.rapport.engine.contact.CallOutcome.ANSWERED
                  and c.startedAt >= :start and c.startedAt < :end""");
        Double seconds = asDouble(row[1]);
        return Measurement.overall(KpiCatalogue.AVERAGE_SPEED_OF_ANSWER,
                seconds == null ? null : BigDecimal.valueOf(seconds), asLong(row[0]));
    }

    Measurement serviceLevel(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(c), sum(case when c.outcome = :answered and c.queueSeconds <= :limit then 1 else 0 end)
                from Call c where c.outcome in (:answered, :abandoned)
                  and c.startedAt >= :start and c.startedAt < :end""", Object[].class)
                .setParameter("answered", CallOutcome.ANSWERED)
                .setParameter("abandoned", CallOutcome.ABANDONED_IN_QUEUE)
                .setParameter("limit", SERVICE_LEVEL_SECONDS)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        return share(KpiCatalogue.SERVICE_LEVEL, row);
    }

    Measurement queueAbandonment(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(c), sum(case when c.outcome = :abandoned then 1 else 0 end)
                from Call c where c.outcome in (:answered, :abandoned)
                  and c.startedAt >= :start and c.startedAt < :end""", Object[].class)
                .setParameter("answered", CallOutcome.ANSWERED)
                .setParameter("abandoned", CallOutcome.ABANDONED_IN_QUEUE)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        return share(KpiCatalogue.QUEUE_ABANDONMENT, row);
    }

    Measurement noHistory(ReportingMonth month) {
        Object[] row = window(month, """
                select count(c), sum(case when c.agentSawHistory = false then 1 else 0 end)
                from Call c where c.outcome = org.rapport.engine.contact.CallOutcome.ANSWERED
                  and c.agentSawHistory is not null and c.startedAt >= :start and c.startedAt < :end""");
        return share(KpiCatalogue.NO_HISTORY, row);
    }

    Measurement preferredChannel(ReportingMonth month) {
        Object[] row = window(month, """
                select count(c), sum(case when c.channel = k.preferredChannel then 1 else 0 end)
                from Call c join Customer k on k.externalId = c.customerRef
                where k.preferredChannel is not null and c.startedAt >= :start and c.startedAt < :end""");
        return share(KpiCatalogue.PREFERRED_CHANNEL, row);
    }

    /**
     * The week after a call is computed by the database ({@code interval '7' day} is standard SQL
     * that H2 and PostgreSQL share), so no call is loaded to compare times in Java.
     */
    Measurement repeatContacts(ReportingMonth month) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                select count(*), sum(case when exists (
                           select 1 from call_record n
                           where n.customer_ref = c.customer_ref and n.id <> c.id
                             and n.started_at > c.started_at
                             and n.started_at <= c.started_at + interval '7' day) then 1 else 0 end)
                from call_record c
                where c.customer_ref is not null and c.started_at >= ?1 and c.started_at < ?2""")
                .setParameter(1, month.startTime())
                .setParameter(2, month.endTime())
                .getSingleResult();
        return share(KpiCatalogue.REPEAT_CONTACT_RATE, row);
    }

    private Object[] window(ReportingMonth month, String query) {
        return entityManager.createQuery(query, Object[].class)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
    }

    /** {@code row} is (count, matching): the share of matching, over how many there were. */
    private static Measurement share(String code, Object[] row) {
        long all = asLong(row[0]);
        return Measurement.overall(code, Measurement.percent(asLong(row[1]), all), all);
    }
}
