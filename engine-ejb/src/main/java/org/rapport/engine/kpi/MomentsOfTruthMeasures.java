package org.rapport.engine.kpi;

import static org.rapport.engine.kpi.Aggregates.asDouble;
import static org.rapport.engine.kpi.Aggregates.asLong;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallOutcome;

/**
 * The contact-centre moments of truth measured from calls: how long callers who wanted a human
 * took to reach one, and how many gave up in the IVR.
 */
public class MomentsOfTruthMeasures implements MeasureFamily {

    /** The published average time to reach a human: 9.5 minutes. */
    static final int PUBLISHED_AVERAGE_SECONDS = 570;

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final EntityManager entityManager;

    public MomentsOfTruthMeasures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(c), avg(c.ivrSeconds + c.queueSeconds),
                       sum(case when c.ivrSeconds + c.queueSeconds > :limit then 1 else 0 end)
                from Call c
                where c.outcome = :answered and c.wantedAgent = true
                  and c.startedAt >= :start and c.startedAt < :end""", Object[].class)
                .setParameter("limit", PUBLISHED_AVERAGE_SECONDS)
                .setParameter("answered", CallOutcome.ANSWERED)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        long reachedHuman = asLong(row[0]);
        return List.of(
                Measurement.overall(KpiCatalogue.TIME_TO_HUMAN_MEAN, minutes(asDouble(row[1])), reachedHuman),
                Measurement.overall(KpiCatalogue.TIME_TO_HUMAN_P90, minutes(p90SecondsToHuman(month)), reachedHuman),
                Measurement.overall(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5,
                        Measurement.percent(asLong(row[2]), reachedHuman), reachedHuman),
                ivrAbandonment(month));
    }

    /**
     * Percentiles have no JPQL form; {@code percentile_cont ... within group} is standard SQL that
     * both H2 and PostgreSQL run, so it stays one native query rather than sorting calls in Java.
     */
    private Double p90SecondsToHuman(ReportingMonth month) {
        Object result = entityManager.createNativeQuery("""
                select percentile_cont(0.9) within group (order by ivr_seconds + queue_seconds)
                from call_record
                where outcome = 'ANSWERED' and wanted_agent = true
                  and started_at >= ?1 and started_at < ?2""")
                .setParameter(1, month.startTime())
                .setParameter(2, month.endTime())
                .getSingleResult();
        return asDouble(result);
    }

    private Measurement ivrAbandonment(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(c), sum(case when c.outcome = :abandoned then 1 else 0 end)
                from Call c
                where c.startedAt >= :start and c.startedAt < :end""", Object[].class)
                .setParameter("abandoned", CallOutcome.ABANDONED_IN_IVR)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        long calls = asLong(row[0]);
        return Measurement.overall(KpiCatalogue.IVR_ABANDONMENT, Measurement.percent(asLong(row[1]), calls), calls);
    }

    private static BigDecimal minutes(Double seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds).divide(SIXTY, Measurement.SCALE + 2, java.math.RoundingMode.HALF_UP);
    }
}
