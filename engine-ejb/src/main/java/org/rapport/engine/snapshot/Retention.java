package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * Who left us this month, why, against the published baseline of why customers leave, and what they
 * were worth.
 *
 * @param kpis              the retention KPIs the run stored (churn rate, value lost)
 * @param churned           customers who left in the month
 * @param reasons           one line per baseline reason (all six, in baseline order), then "unknown"
 *                          when some churners have no known reason; empty when nobody left
 * @param controllableShare treatment + product or service, as a share of churners with a known reason;
 *                          null when no churner has a known reason
 * @param valueLost         annual value of the churners (£248 where unknown); null when nobody left
 */
public record Retention(List<KpiLine> kpis, long churned, List<Reason> reasons, BigDecimal controllableShare,
        BigDecimal valueLost) {

    public Retention {
        kpis = List.copyOf(kpis);
        reasons = List.copyOf(reasons);
    }

    public static Retention of(List<KpiLine> kpis) {
        return new Retention(kpis, 0, List.of(), null, null);
    }

    /**
     * @param reason    TREATMENT, PRODUCT_OR_SERVICE, BETTER_OFFER, SERIAL_SWITCHER, STOPPED_USING, DECEASED
     *                  or UNKNOWN
     * @param customers churners with that reason
     * @param share     of churners with a known reason, %; null for UNKNOWN
     * @param baseline  the published baseline share, %; null for UNKNOWN
     * @param valueLost their annual value, £
     * @param rag       how the rules graded the share against the baseline (the run's CHURN_SHARE_… KPI);
     *                  NONE when the run stored no such grade
     */
    public record Reason(String reason, long customers, BigDecimal share, BigDecimal baseline, BigDecimal valueLost,
            String rag) {
    }
}
