package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of a headline KPI's 12-month trend.
 *
 * @param month the month
 * @param value the value the latest published run of that month stored (this run's own value for the
 *              pack's month); null when the month has no published run or no data for the KPI
 */
public record TrendPoint(YearMonth month, BigDecimal value) {
}
