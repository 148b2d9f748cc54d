package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

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

    private final MonthPasses passes;

    public MomentsOfTruthMeasures(EntityManager entityManager) {
        this(new MonthPasses(entityManager));
    }

    MomentsOfTruthMeasures(MonthPasses passes) {
        this.passes = passes;
    }

    /**
     * From the month's one pass over its calls: the means are the sums of seconds over the calls that reached
     * a human, and the P90 comes exactly from the count of calls at each second ({@link SecondsHistogram}), as
     * {@code percentile_cont(0.9)} over the calls gives it.
     */
    @Override
    public List<Measurement> measure(ReportingMonth month) {
        CallMonth calls = passes.calls(month);
        List<Measurement> measured = new ArrayList<>();
        for (SlicedQuery.Slice slice : calls.slices(KpiCatalogue.breakdowns(KpiCatalogue.TIME_TO_HUMAN_MEAN),
                CallMonth.REACHED)) {
            long reachedHuman = slice.count(CallMonth.REACHED);
            Double mean = reachedHuman == 0 ? null
                    : (double) slice.count(CallMonth.REACHED_SECONDS) / reachedHuman;
            measured.add(Measurement.of(KpiCatalogue.TIME_TO_HUMAN_MEAN, slice.dimension(), minutes(mean),
                    reachedHuman));
            measured.add(Measurement.of(KpiCatalogue.TIME_TO_HUMAN_P90, slice.dimension(),
                    minutes(calls.secondsToHuman().percentile(slice.dimension(), 90)), reachedHuman));
            measured.add(Measurement.of(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5, slice.dimension(),
                    Measurement.percent(slice.count(CallMonth.REACHED_LATE), reachedHuman), reachedHuman));
        }
        for (SlicedQuery.Slice slice : calls.slices(KpiCatalogue.breakdowns(KpiCatalogue.IVR_ABANDONMENT),
                CallMonth.CALLS)) {
            measured.add(Measurement.of(KpiCatalogue.IVR_ABANDONMENT, slice.dimension(),
                    Measurement.percent(slice.count(CallMonth.ABANDONED_IN_IVR), slice.count(CallMonth.CALLS)),
                    slice.count(CallMonth.CALLS)));
        }
        return measured;
    }

    private static BigDecimal minutes(Double seconds) {
        return seconds == null ? null
                : BigDecimal.valueOf(seconds).divide(SIXTY, Measurement.SCALE + 2, java.math.RoundingMode.HALF_UP);
    }
}
