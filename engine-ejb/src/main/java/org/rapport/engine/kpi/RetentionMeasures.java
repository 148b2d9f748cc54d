package org.rapport.engine.kpi;

import static org.rapport.engine.kpi.Aggregates.asLong;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.customer.ChurnReason;

/** Churn rate and value lost: who left us this month and what they were worth. */
public class RetentionMeasures implements MeasureFamily {

    /** DESIGN.md: the value of a lost customer where the CRM does not know it, £ a year. */
    static final BigDecimal DEFAULT_ANNUAL_VALUE = new BigDecimal("248");

    private static final Map<ChurnReason, String> REASON_CODES = new EnumMap<>(Map.of(
            ChurnReason.TREATMENT, KpiCatalogue.CHURN_SHARE_PREFIX + "TREATMENT",
            ChurnReason.PRODUCT_OR_SERVICE, KpiCatalogue.CHURN_SHARE_PREFIX + "PRODUCT",
            ChurnReason.BETTER_OFFER, KpiCatalogue.CHURN_SHARE_PREFIX + "BETTER_OFFER",
            ChurnReason.SERIAL_SWITCHER, KpiCatalogue.CHURN_SHARE_PREFIX + "SERIAL_SWITCHER",
            ChurnReason.STOPPED_USING, KpiCatalogue.CHURN_SHARE_PREFIX + "STOPPED_USING",
            ChurnReason.DECEASED, KpiCatalogue.CHURN_SHARE_PREFIX + "DECEASED"));

    private final EntityManager entityManager;
    private final MonthPasses passes;

    public RetentionMeasures(EntityManager entityManager) {
        this(entityManager, new MonthPasses(entityManager));
    }

    RetentionMeasures(EntityManager entityManager, MonthPasses passes) {
        this.entityManager = entityManager;
        this.passes = passes;
    }

    /** From the month's one pass over the customers ({@link CustomerMonth}). */
    @Override
    public List<Measurement> measure(ReportingMonth month) {
        List<Measurement> measured = new ArrayList<>();
        SliceTotals customers = passes.customers(month);
        for (SlicedQuery.Slice slice : customers.slices(KpiCatalogue.breakdowns(KpiCatalogue.CHURN_RATE),
                CustomerMonth.ACTIVE_OR_LOST)) {
            long activeAtStart = slice.count(CustomerMonth.ACTIVE_AT_START);
            long churners = slice.count(CustomerMonth.LOST);
            BigDecimal valueLost = churners == 0 ? BigDecimal.ZERO : decimal(slice.value(CustomerMonth.VALUE_LOST));
            measured.add(Measurement.of(KpiCatalogue.CHURN_RATE, slice.dimension(),
                    Measurement.percent(churners, activeAtStart), activeAtStart));
            measured.add(Measurement.of(KpiCatalogue.VALUE_LOST, slice.dimension(),
                    activeAtStart == 0 ? null : valueLost, churners));
        }
        measured.addAll(reasonShares(month));
        measured.addAll(controllableShareBySlice(customers));
        return measured;
    }

    /** The controllable share per segment and value band; overall it comes with the other reasons. */
    private static List<Measurement> controllableShareBySlice(SliceTotals customers) {
        return customers.slices(KpiCatalogue.breakdowns(KpiCatalogue.CHURN_CONTROLLABLE_SHARE),
                        CustomerMonth.LOST_WITH_REASON).stream()
                .filter(slice -> !slice.dimension().equals(Measurement.OVERALL))
                .map(slice -> Measurement.of(KpiCatalogue.CHURN_CONTROLLABLE_SHARE, slice.dimension(),
                        Measurement.percent(slice.count(CustomerMonth.LOST_CONTROLLABLY),
                                slice.count(CustomerMonth.LOST_WITH_REASON)),
                        slice.count(CustomerMonth.LOST_WITH_REASON)))
                .toList();
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal decimal ? decimal : new BigDecimal(value.toString());
    }

    /**
     * Why the month's leavers left, as shares of those whose reason is known, to set against the
     * published baseline (68 % treatment, 14 % product or service, 9 % better offer, 5 % serial
     * switchers, 3 % stopped using, 1 % died).
     */
    List<Measurement> reasonShares(ReportingMonth month) {
        Map<ChurnReason, Long> byReason = new EnumMap<>(ChurnReason.class);
        entityManager.createQuery("""
                select c.churnReason, count(c) from Customer c
                where c.churnedOn >= :start and c.churnedOn < :end
                  and c.churnReason is not null and c.churnReason <> :unknown
                group by c.churnReason""", Object[].class)
                .setParameter("start", month.firstDay())
                .setParameter("end", month.endExclusive())
                .setParameter("unknown", ChurnReason.UNKNOWN)
                .getResultStream()
                .forEach(row -> byReason.put((ChurnReason) row[0], asLong(row[1])));
        long known = byReason.values().stream().mapToLong(Long::longValue).sum();
        List<Measurement> shares = new ArrayList<>();
        REASON_CODES.forEach((reason, code) -> shares.add(Measurement.overall(code,
                Measurement.percent(byReason.getOrDefault(reason, 0L), known), known)));
        long controllable = byReason.getOrDefault(ChurnReason.TREATMENT, 0L)
                + byReason.getOrDefault(ChurnReason.PRODUCT_OR_SERVICE, 0L);
        shares.add(Measurement.overall(KpiCatalogue.CHURN_CONTROLLABLE_SHARE,
                Measurement.percent(controllable, known), known));
        return shares;
    }
}
