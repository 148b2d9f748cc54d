package org.rapport.engine.kpi;

import static org.rapport.engine.kpi.Aggregates.asLong;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.EntityManager;

/** NPS, CSAT and survey reach: what customers tell us, and whether we hear all of them. */
public class VoiceOfCustomerMeasures implements MeasureFamily {

    private static final int REACH_WINDOW_MONTHS = 12;

    private final EntityManager entityManager;

    public VoiceOfCustomerMeasures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        List<Measurement> measured = new java.util.ArrayList<>(
                List.of(netPromoterScore(month), satisfaction(month), effort(month), surveyReach(month)));
        List<Measurement> byBand = surveyReachByValueBand(month);
        measured.addAll(byBand);
        measured.add(reachGap(byBand));
        return measured;
    }

    Measurement effort(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(r), avg(r.effort) from SurveyResponse r
                where r.effort is not null and r.respondedAt >= :start and r.respondedAt < :end""", Object[].class)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        Double mean = Aggregates.asDouble(row[1]);
        return Measurement.overall(KpiCatalogue.EFFORT, mean == null ? null : BigDecimal.valueOf(mean), asLong(row[0]));
    }

    /** Reach per value band, so the board sees whether poorer customers are heard too. */
    List<Measurement> surveyReachByValueBand(ReportingMonth month) {
        return entityManager.createQuery("""
                select c.valueBand, count(c),
                       sum(case when exists (select 1 from SurveyResponse r where r.customerRef = c.externalId
                                  and r.respondedAt >= :from and r.respondedAt < :endTime) then 1 else 0 end)
                from Customer c
                where c.valueBand is not null
                  and (c.customerSince is null or c.customerSince < :end)
                  and (c.churnedOn is null or c.churnedOn >= :end)
                group by c.valueBand
                order by c.valueBand""", Object[].class)
                .setParameter("end", month.endExclusive())
                .setParameter("from", month.month().minusMonths(REACH_WINDOW_MONTHS - 1L).atDay(1).atStartOfDay())
                .setParameter("endTime", month.endTime())
                .getResultStream()
                .map(row -> Measurement.of(KpiCatalogue.SURVEY_REACH, "value_band=" + row[0],
                        Measurement.percent(asLong(row[2]), asLong(row[1])), asLong(row[1])))
                .toList();
    }

    /** Best-reached band minus worst-reached band; needs two bands to mean anything. */
    static Measurement reachGap(List<Measurement> byBand) {
        List<BigDecimal> reaches = byBand.stream().map(Measurement::value).filter(java.util.Objects::nonNull).toList();
        BigDecimal gap = reaches.size() < 2 ? null
                : reaches.stream().max(BigDecimal::compareTo).orElseThrow()
                        .subtract(reaches.stream().min(BigDecimal::compareTo).orElseThrow());
        return Measurement.overall(KpiCatalogue.SURVEY_REACH_GAP, gap, reaches.size());
    }

    Measurement netPromoterScore(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(r),
                       sum(case when r.nps >= 9 then 1 else 0 end),
                       sum(case when r.nps <= 6 then 1 else 0 end)
                from SurveyResponse r
                where r.nps is not null and r.respondedAt >= :start and r.respondedAt < :end""", Object[].class)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        long answers = asLong(row[0]);
        BigDecimal promoters = Measurement.percent(asLong(row[1]), answers);
        BigDecimal detractors = Measurement.percent(asLong(row[2]), answers);
        BigDecimal nps = answers == 0 ? null : promoters.subtract(detractors);
        return Measurement.overall(KpiCatalogue.NPS, nps, answers);
    }

    Measurement satisfaction(ReportingMonth month) {
        Object[] row = entityManager.createQuery("""
                select count(r), sum(case when r.csat >= 4 then 1 else 0 end)
                from SurveyResponse r
                where r.csat is not null and r.respondedAt >= :start and r.respondedAt < :end""", Object[].class)
                .setParameter("start", month.startTime())
                .setParameter("end", month.endTime())
                .getSingleResult();
        long answers = asLong(row[0]);
        return Measurement.overall(KpiCatalogue.CSAT, Measurement.percent(asLong(row[1]), answers), answers);
    }

    Measurement surveyReach(ReportingMonth month) {
        String activeAtMonthEnd = "(c.customerSince is null or c.customerSince < :end)"
                + " and (c.churnedOn is null or c.churnedOn >= :end)";
        long active = entityManager.createQuery(
                        "select count(c) from Customer c where " + activeAtMonthEnd,
                        Long.class)
                .setParameter("end", month.endExclusive())
                .getSingleResult();
        long heard = entityManager.createQuery("select count(c) from Customer c where " + activeAtMonthEnd + """
                         and exists (select 1 from SurveyResponse r where r.customerRef = c.externalId
                                     and r.respondedAt >= :from and r.respondedAt < :endTime)""", Long.class)
                .setParameter("end", month.endExclusive())
                .setParameter("from", month.month().minusMonths(REACH_WINDOW_MONTHS - 1L).atDay(1).atStartOfDay())
                .setParameter("endTime", month.endTime())
                .getSingleResult();
        return Measurement.overall(KpiCatalogue.SURVEY_REACH, Measurement.percent(heard, active), active);
    }
}
