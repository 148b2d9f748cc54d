package org.rapport.engine.snapshot;

import java.math.BigDecimal;

/**
 * A KPI that moved against last month, for "what we do well and badly".
 *
 * @param code      catalogue code
 * @param name      what the board reads
 * @param unit      "score", "%", "min" or "£"
 * @param previous  last month
 * @param value     this month
 * @param change    {@code value − previous}, in the KPI's unit (percentage points for "%")
 * @param direction which way is better
 * @param improved  true when the change is for the better given the direction
 */
public record KpiMovement(String code, String name, String unit, BigDecimal previous, BigDecimal value,
        BigDecimal change, KpiDirection direction, boolean improved) {
}
