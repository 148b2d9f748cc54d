package org.rapport.engine.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.run.Run;

/**
 * The engagement KPIs of a run, from the customer scores it stored: mean index, engaged share and stage
 * movement against the previous month's latest published run, overall, and the index by segment and by
 * value band. Aggregated in the database; customers without consent have no score and so are not in
 * these figures (they are in the totals of the other KPIs).
 */
public class EngagementMeasures {

    /** The stage ladder as a number, so that movement is one comparison in SQL; unknown stages are null. */
    private static final String RANK = """
            case lower(%1$s.stage) when 'unengaged' then 0 when 'casual' then 1 when 'regular' then 2
                                   when 'loyal' then 3 when 'advocate' then 4 end""";

    private final EntityManager entityManager;

    public EngagementMeasures(EntityManager entityManager) {
        this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
    }

    /** ENGAGEMENT_INDEX, ENGAGED_SHARE, STAGE_UP_SHARE and STAGE_DOWN_SHARE overall, then the index by segment and value band. */
    public List<Measurement> measure(long runId) {
        Run run = entityManager.find(Run.class, runId);
        if (run == null) {
            throw new IllegalArgumentException("No run " + runId);
        }
        Long previousRun = new EngagementProfiles(entityManager).latestPublishedRun(ReportingMonth.of(run.getMonth()).previous());
        List<Measurement> measured = new ArrayList<>();
        Object[] overall = entityManager.createQuery("""
                        select count(s), avg(s.index),
                               sum(case when lower(s.stage) in ('regular', 'loyal', 'advocate') then 1 else 0 end)
                        from CustomerScore s where s.run.id = :run""", Object[].class)
                .setParameter("run", runId)
                .getSingleResult();
        long scored = asLong(overall[0]);
        measured.add(Measurement.of(KpiCatalogue.ENGAGEMENT_INDEX, Measurement.OVERALL, decimal(overall[1]), scored));
        measured.add(Measurement.of(KpiCatalogue.ENGAGED_SHARE, Measurement.OVERALL, percent(asLong(overall[2]), scored),
                scored));
        long up = 0;
        long down = 0;
        if (previousRun != null) {
            Object[] moved = entityManager.createQuery("select sum(case when " + RANK.formatted("s") + " > "
                            + RANK.formatted("p") + " then 1 else 0 end), sum(case when " + RANK.formatted("s") + " < "
                            + RANK.formatted("p") + " then 1 else 0 end)"
                            + " from CustomerScore s join CustomerScore p on p.customerRef = s.customerRef"
                            + " and p.run.id = :previous where s.run.id = :run", Object[].class)
                    .setParameter("run", runId)
                    .setParameter("previous", previousRun)
                    .getSingleResult();
            up = asLong(moved[0]);
            down = asLong(moved[1]);
        }
        // Without last month's published run there is nothing to move against.
        measured.add(Measurement.of(KpiCatalogue.STAGE_UP_SHARE, Measurement.OVERALL,
                previousRun == null ? null : percent(up, scored), scored));
        measured.add(Measurement.of(KpiCatalogue.STAGE_DOWN_SHARE, Measurement.OVERALL,
                previousRun == null ? null : percent(down, scored), scored));
        measured.addAll(indexBy(runId, "segment", "segment"));
        measured.addAll(indexBy(runId, "valueBand", "value_band"));
        return measured;
    }

    /** The mean index per value of the customer's {@code attribute}, joined on the external id. */
    private List<Measurement> indexBy(long runId, String attribute, String dimension) {
        return entityManager.createQuery("select c." + attribute + ", count(s), avg(s.index)"
                        + " from CustomerScore s join Customer c on c.externalId = s.customerRef"
                        + " where s.run.id = :run and c." + attribute + " is not null"
                        + " group by c." + attribute + " order by c." + attribute, Object[].class)
                .setParameter("run", runId)
                .getResultStream()
                .map(row -> Measurement.of(KpiCatalogue.ENGAGEMENT_INDEX, dimension + "=" + row[0], decimal(row[2]),
                        asLong(row[1])))
                .toList();
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    private static long asLong(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }
}
