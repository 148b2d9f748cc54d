package org.rapport.engine.kpi;

import static org.rapport.engine.kpi.Aggregates.asLong;

import java.math.BigDecimal;
import java.util.List;

import jakarta.persistence.EntityManager;

/** Churn rate and value lost: who left us this month and what they were worth. */
public class RetentionMeasures implements MeasureFamily {

    /** DESIGN.md: the value of a lost customer where the CRM does not know it, £ a year. */
    static final BigDecimal DEFAULT_ANNUAL_VALUE = new BigDecimal("248");

    private final EntityManager entityManager;

    public RetentionMeasures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Measurement> measure(ReportingMonth month) {
        Object[] lost = entityManager.createQuery("""
                select count(c), sum(coalesce(c.annualValue, :defaultValue))
                from Customer c
                where c.churnedOn >= :start and c.churnedOn < :end""", Object[].class)
                .setParameter("defaultValue", DEFAULT_ANNUAL_VALUE)
                .setParameter("start", month.firstDay())
                .setParameter("end", month.endExclusive())
                .getSingleResult();
        long activeAtStart = entityManager.createQuery("""
                select count(c) from Customer c
                where (c.customerSince is null or c.customerSince < :start)
                  and (c.churnedOn is null or c.churnedOn >= :start)""", Long.class)
                .setParameter("start", month.firstDay())
                .getSingleResult();
        long churners = asLong(lost[0]);
        BigDecimal valueLost = churners == 0 ? BigDecimal.ZERO : (BigDecimal) lost[1];
        return List.of(
                Measurement.overall(KpiCatalogue.CHURN_RATE, Measurement.percent(churners, activeAtStart), activeAtStart),
                Measurement.overall(KpiCatalogue.VALUE_LOST, activeAtStart == 0 ? null : valueLost, churners));
    }
}
