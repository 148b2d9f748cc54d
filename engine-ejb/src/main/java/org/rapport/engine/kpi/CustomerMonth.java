package org.rapport.engine.kpi;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.rapport.engine.customer.ChurnReason;

/**
 * The customer base read once for a month: who was active when it began and when it ended, who left in it,
 * for what reason and at what value, and who of the customers at its end answered a survey within the year,
 * grouped by segment and value band ({@link SliceTotals}). One query where retention, survey reach and cost
 * to serve each grouped the customers by every breakdown.
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

    /**
     * Whether a customer answered in the window, as each database answers it fastest for every customer at once.
     * PostgreSQL: membership of the window's answerers, which it reads once and hashes; a correlated {@code exists}
     * looked each customer up in the answers' customer index, in each of its sixteen partitions since V114
     * (1,000,000 customers, 209,656 answers: 2.7 s unpartitioned, 30 s partitioned, 0.4 s either way by membership).
     * H2: that lookup, which it makes once a customer in its one index, where membership cost it about 2 s more of
     * the 100,000-customer month's measuring.
     */
    private static final String ANSWERED_BY_MEMBERSHIP = """
            c.externalId in (select r.customerRef from SurveyResponse r
                             where r.respondedAt >= :from and r.respondedAt < :endTime)""";

    private static final String ANSWERED_BY_LOOKUP = """
            exists (select 1 from SurveyResponse r where r.customerRef = c.externalId
                    and r.respondedAt >= :from and r.respondedAt < :endTime)""";

    private static final String AGGREGATES = """
            sum(case when %1$s then 1 else 0 end),
            sum(case when %2$s then 1 else 0 end),
            sum(case when %2$s then coalesce(c.annualValue, :defaultValue) else 0 end),
            sum(case when (%1$s) or (%2$s) then 1 else 0 end),
            sum(case when %2$s and c.churnReason is not null and c.churnReason <> :unknown then 1 else 0 end),
            sum(case when %2$s and c.churnReason in (:treatment, :product) then 1 else 0 end),
            sum(case when %3$s then 1 else 0 end),
            sum(case when %3$s and %4$s then 1 else 0 end)""";

    private CustomerMonth() {
    }

    static SliceTotals of(EntityManager entityManager, ReportingMonth month) {
        String aggregates = AGGREGATES.formatted(ACTIVE_AT_START_WHEN, LOST_WHEN, ACTIVE_AT_END_WHEN,
                onH2(entityManager) ? ANSWERED_BY_LOOKUP : ANSWERED_BY_MEMBERSHIP);
        return new SlicedQuery(entityManager, SliceSource.jpqlWithCustomer("Customer c", "c", null), aggregates,
                "(" + ACTIVE_AT_START_WHEN + ") or (" + LOST_WHEN + ") or (" + ACTIVE_AT_END_WHEN + ")",
                Map.of("start", month.firstDay(), "end", month.endExclusive(),
                        "defaultValue", RetentionMeasures.DEFAULT_ANNUAL_VALUE, "unknown", ChurnReason.UNKNOWN,
                        "treatment", ChurnReason.TREATMENT, "product", ChurnReason.PRODUCT_OR_SERVICE,
                        "from", month.month().minusMonths(REACH_WINDOW_MONTHS - 1L).atDay(1).atStartOfDay(),
                        "endTime", month.endTime()))
                .totals();
    }

    private static boolean onH2(EntityManager entityManager) {
        return entityManager.unwrap(Session.class).doReturningWork(connection ->
                connection.getMetaData().getDatabaseProductName().startsWith("H2"));
    }

    /** Overall and each breakdown's slices in which {@code present} counted a customer. */
    static List<SlicedQuery.Slice> slices(SliceTotals totals, List<Breakdown> breakdowns, int present) {
        return totals.slices(breakdowns, present);
    }
}
