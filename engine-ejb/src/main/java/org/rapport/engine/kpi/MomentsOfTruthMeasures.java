package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.CallOutcome;

/**
 * The contact-centre moments of truth measured from calls: how long callers who wanted a human
 * took to reach one, and how many gave up in the IVR; overall, by the caller's segment and value band
 * and by the call's channel.
 */
public class MomentsOfTruthMeasures implements MeasureFamily {

    /** The published average time to reach a human: 9.5 minutes. */
    static final int PUBLISHED_AVERAGE_SECONDS = 570;

    static final SliceSource CALLS = SliceSource.jpql("Call c", "c.customerRef", "c.channel");

    static final SliceSource CALL_ROWS = SliceSource.sql("call_record c", "c.customer_ref", "c.channel");

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final EntityManager entityManager;

    public MomentsOfTruthMeasures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        List<SlicedQuery.Slice> reached = new SlicedQuery(entityManager, CALLS, """
                count(c), avg(c.ivrSeconds + c.queueSeconds),
                sum(case when c.ivrSeconds + c.queueSeconds > :limit then 1 else 0 end)""",
                "c.outcome = :answered and c.wantedAgent = true and c.startedAt >= :start and c.startedAt < :end",
                Map.of("limit", PUBLISHED_AVERAGE_SECONDS, "answered", CallOutcome.ANSWERED,
                        "start", month.startTime(), "end", month.endTime()))
                .slices(KpiCatalogue.breakdowns(KpiCatalogue.TIME_TO_HUMAN_MEAN));
        Map<String, Double> p90 = p90SecondsToHuman(month);
        List<Measurement> measured = new ArrayList<>();
        for (SlicedQuery.Slice slice : reached) {
            long reachedHuman = slice.count(0);
            measured.add(Measurement.of(KpiCatalogue.TIME_TO_HUMAN_MEAN, slice.dimension(), minutes(slice.number(1)),
                    reachedHuman));
            measured.add(Measurement.of(KpiCatalogue.TIME_TO_HUMAN_P90, slice.dimension(),
                    minutes(p90.get(slice.dimension())), reachedHuman));
            measured.add(Measurement.of(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5, slice.dimension(),
                    Measurement.percent(slice.count(2), reachedHuman), reachedHuman));
        }
        measured.addAll(ivrAbandonment(month));
        return measured;
    }

    /**
     * Percentiles have no JPQL form; {@code percentile_cont ... within group} is standard SQL that
     * both H2 and PostgreSQL run, grouped too, so it stays native SQL rather than sorting calls in Java.
     */
    private Map<String, Double> p90SecondsToHuman(ReportingMonth month) {
        Map<String, Double> byDimension = new HashMap<>();
        new SlicedQuery(entityManager, CALL_ROWS,
                "percentile_cont(0.9) within group (order by c.ivr_seconds + c.queue_seconds)",
                "c.outcome = 'ANSWERED' and c.wanted_agent = true and c.started_at >= :start and c.started_at < :end",
                Map.of("start", month.startTime(), "end", month.endTime()))
                .slices(KpiCatalogue.breakdowns(KpiCatalogue.TIME_TO_HUMAN_P90))
                .forEach(slice -> byDimension.put(slice.dimension(), slice.number(0)));
        return byDimension;
    }

    private List<Measurement> ivrAbandonment(ReportingMonth month) {
        return new SlicedQuery(entityManager, CALLS, "count(c), sum(case when c.outcome = :abandoned then 1 else 0 end)",
                "c.startedAt >= :start and c.startedAt < :end",
                Map.of("abandoned", CallOutcome.ABANDONED_IN_IVR, "start", month.startTime(), "end", month.endTime()))
                .slices(KpiCatalogue.breakdowns(KpiCatalogue.IVR_ABANDONMENT)).stream()
                .map(slice -> Measurement.of(KpiCatalogue.IVR_ABANDONMENT, slice.dimension(),
                        Measurement.percent(slice.count(1), slice.count(0)), slice.count(0)))
                .toList();
    }

    private static BigDecimal minutes(Double seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds).divide(SIXTY, Measurement.SCALE + 2, java.math.RoundingMode.HALF_UP);
    }
}
