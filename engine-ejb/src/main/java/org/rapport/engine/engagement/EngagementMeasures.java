package org.rapport.engine.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.SliceSource;
import org.rapport.engine.kpi.SlicedQuery;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.run.Run;

/**
 * The engagement KPIs of a run, from the customer scores it stored: mean index, engaged share and stage
 * movement against the previous month's latest published run, each overall and by segment and by value
 * band. Aggregated in the database; customers without consent have no score and so are not in
 * these figures (they are in the totals of the other KPIs).
 */
public class EngagementMeasures {

    /** The stage ladder as a number, so that movement is one comparison in SQL; unknown stages are null. */
    private static final String RANK = """
            case lower(%1$s.stage) when 'unengaged' then 0 when 'casual' then 1 when 'regular' then 2
                                   when 'loyal' then 3 when 'advocate' then 4 end""";

    /** This run's scores, each beside the same customer's score in last month's run when it has one. */
    private static final SliceSource SCORES = SliceSource.jpql(
            "CustomerScore s left join CustomerScore p on p.customerRef = s.customerRef and p.run.id = :previous",
            "s.customerRef", null);

    private final EntityManager entityManager;

    public EngagementMeasures(EntityManager entityManager) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
    }

    /**
     * ENGAGEMENT_INDEX, ENGAGED_SHARE, STAGE_UP_SHARE and STAGE_DOWN_SHARE, each overall and then by segment and
     * value band; stage movement is against the same customer's score in last month's latest published run.
     */
    public List<Measurement> measure(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        Long previousRun = new EngagementProfiles(entityManager).latestPublishedRun(ReportingMonth.of(run.getMonth()).previous());
        // sums and counts only, so that one pass over the scores gives every slice (a mean is a sum over a count)
        List<SlicedQuery.Slice> slices = new SlicedQuery(entityManager, SCORES, "count(s), sum(s.index), count(s.index),"
                + " sum(case when lower(s.stage) in ('regular', 'loyal', 'advocate') then 1 else 0 end),"
                + " sum(case when " + RANK.formatted("s") + " > " + RANK.formatted("p") + " then 1 else 0 end),"
                + " sum(case when " + RANK.formatted("s") + " < " + RANK.formatted("p") + " then 1 else 0 end)",
                "s.run.id = :run",
                // No run has id -1: without last month's run, the left join finds nothing to move against.
                Map.of("run", runId, "previous", previousRun == null ? -1L : previousRun))
                .rolledUp(KpiCatalogue.breakdowns(KpiCatalogue.ENGAGEMENT_INDEX));
        List<Measurement> measured = new ArrayList<>();
        for (SlicedQuery.Slice slice : slices) {
            measured.add(Measurement.of(KpiCatalogue.ENGAGEMENT_INDEX, slice.dimension(),
                    mean(slice.value(1), slice.count(2)), slice.count(0)));
        }
        for (SlicedQuery.Slice slice : slices) {
            measured.add(Measurement.of(KpiCatalogue.ENGAGED_SHARE, slice.dimension(),
                    percent(slice.count(3), slice.count(0)), slice.count(0)));
        }
        for (SlicedQuery.Slice slice : slices) {
            measured.add(Measurement.of(KpiCatalogue.STAGE_UP_SHARE, slice.dimension(),
                    previousRun == null ? null : percent(slice.count(4), slice.count(0)), slice.count(0)));
        }
        for (SlicedQuery.Slice slice : slices) {
            measured.add(Measurement.of(KpiCatalogue.STAGE_DOWN_SHARE, slice.dimension(),
                    previousRun == null ? null : percent(slice.count(5), slice.count(0)), slice.count(0)));
        }
        return measured;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /**
     * The mean as the database's avg gives it before the figure is rounded to two decimals: to twenty places, far
     * below where a sum of two-decimal indexes over up to billions of scores could round differently.
     */
    private static BigDecimal mean(Object sum, long count) {
        if (sum == null || count == 0) {
            return null;
        }
        BigDecimal total = sum instanceof BigDecimal decimal ? decimal : new BigDecimal(sum.toString());
        return total.divide(BigDecimal.valueOf(count), 20, RoundingMode.HALF_UP);
    }
}
