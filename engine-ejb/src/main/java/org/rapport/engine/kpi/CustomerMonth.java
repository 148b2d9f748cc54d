package org.rapport.engine.kpi;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.rapport.engine.customer.ChurnReason;

/**
 * The customer base read once for a month: who was active when it began and when it ended, who left in it,
 * for what reason and at what value, and who of the customers at its end answered a survey within the year,
 * grouped by segment and value band ({@link SliceTotals}). Two queries (the customers, then those reached) where
 * retention, survey reach and cost to serve each grouped the customers by every breakdown.
 */
final class CustomerMonth {

    static final int ACTIVE_AT_START = 0;
    static final int LOST = 1;
    static final int VALUE_LOST = 2;
    /** Active at the start or lost in the month: the customers churn is measured over. */
    static final int ACTIVE_OR_LOST = 3;
    /** Lost in the month with a reason known, and of those for a reason we control. */
    static final int LOST_WITH_REASON = 4;
    static final int LOST_CONTROLLABLY = 5;
    static final int ACTIVE_AT_END = 6;
    /** Active at the end and answered a survey in the twelve months up to it. */
    static final int REACHED = 7;

    static final int REACH_WINDOW_MONTHS = 12;

    private static final String ACTIVE_AT_START_WHEN =
            "(c.customerSince is null or c.customerSince < :start) and (c.churnedOn is null or c.churnedOn >= :start)";

    private static final String LOST_WHEN = "c.churnedOn >= :start and c.churnedOn < :end";

    private static final String ACTIVE_AT_END_WHEN =
            "(c.customerSince is null or c.customerSince < :end) and (c.churnedOn is null or c.churnedOn >= :end)";

    private static final String AGGREGATES = """
            sum(case when %1$s then 1 else 0 end),
            sum(case when %2$s then 1 else 0 end),
            sum(case when %2$s then coalesce(c.annualValue, :defaultValue) else 0 end),
            sum(case when (%1$s) or (%2$s) then 1 else 0 end),
            sum(case when %2$s and c.churnReason is not null and c.churnReason <> :unknown then 1 else 0 end),
            sum(case when %2$s and c.churnReason in (:treatment, :product) then 1 else 0 end),
            sum(case when %3$s then 1 else 0 end)"""
            .formatted(ACTIVE_AT_START_WHEN, LOST_WHEN, ACTIVE_AT_END_WHEN);

    /**
     * The customers active at the end who answered in the window, counted apart: as a condition of the where clause
     * both databases answer membership of the window's answerers with one pass over their answers (PostgreSQL a hash
     * semi-join). Inside a sum, as the other counts are, it was either a correlated {@code exists} — on PostgreSQL
     * a look into the answers' customer index for every customer, in each of its sixteen partitions since V114
     * (1,000,000 customers, 209,656 answers: 2.7 s unpartitioned, 30 s partitioned) — or an {@code in} that
     * PostgreSQL hashed only when its guess of the answers fitted its memory and otherwise read again for every
     * customer (the 1,000,000-customer month's MEASURE ran for minutes).
     */
    private static final String REACHED_WHERE = "(" + ACTIVE_AT_END_WHEN + ") and c.externalId in"
            + " (select r.customerRef from SurveyResponse r where r.respondedAt >= :from and r.respondedAt < :endTime)";

    private static final SliceSource CUSTOMERS = SliceSource.jpqlWithCustomer("Customer c", "c", null);

    private CustomerMonth() {
    }

    static SliceTotals of(EntityManager entityManager, ReportingMonth month) {
        SliceTotals base = new SlicedQuery(entityManager, CUSTOMERS, AGGREGATES,
                "(" + ACTIVE_AT_START_WHEN + ") or (" + LOST_WHEN + ") or (" + ACTIVE_AT_END_WHEN + ")",
                Map.of("start", month.firstDay(), "end", month.endExclusive(),
                        "defaultValue", RetentionMeasures.DEFAULT_ANNUAL_VALUE, "unknown", ChurnReason.UNKNOWN,
                        "treatment", ChurnReason.TREATMENT, "product", ChurnReason.PRODUCT_OR_SERVICE))
                .totals();
        SliceTotals reached = new SlicedQuery(entityManager, CUSTOMERS, "count(c)", REACHED_WHERE,
                Map.of("end", month.endExclusive(),
                        "from", month.month().minusMonths(REACH_WINDOW_MONTHS - 1L).atDay(1).atStartOfDay(),
                        "endTime", month.endTime()))
                .totals();
        return base.besides(reached);
    }

    /** Overall and each breakdown's slices in which {@code present} counted a customer. */
    static List<SlicedQuery.Slice> slices(SliceTotals totals, List<Breakdown> breakdowns, int present) {
        return totals.slices(breakdowns, present);
    }
}
