package org.rapport.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.rapport.engine.snapshot.KpiLine;

/**
 * One bar of the "percentage KPIs against target" chart. A JavaBean for JRBeanCollectionDataSource.
 */
public final class ChartBar {

    static final String THIS_MONTH = "This month";
    static final String TARGET = "Target";

    private final String series;
    private final String category;
    private final BigDecimal value;

    private ChartBar(String series, String category, BigDecimal value) {
        this.series = series;
        this.category = category;
        this.value = value;
    }

    /**
     * Bars for the KPIs measured in percent, in catalogue order. A KPI without a value this month gets
     * no bars at all: a bar of height zero would read as "0 %", which is exactly what "no data" is not.
     * Each KPI's own value comes before its target so "This month" is always the chart's first series
     * and keeps the first (dark) series colour.
     */
    static List<ChartBar> forPercentKpis(List<KpiLine> kpis) {
        List<ChartBar> bars = new ArrayList<>();
        for (KpiLine kpi : kpis) {
            if (!"%".equals(kpi.unit()) || kpi.value() == null) {
                continue;
            }
            String category = KpiRow.label(kpi);
            bars.add(new ChartBar(THIS_MONTH, category, oneDecimal(kpi.value())));
            if (kpi.target() != null) {
                bars.add(new ChartBar(TARGET, category, oneDecimal(kpi.target())));
            }
        }
        return bars;
    }

    // the bar labels then match the table's figures
    private static BigDecimal oneDecimal(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP);
    }

    public String getSeries() {
        return series;
    }

    public String getCategory() {
        return category;
    }

    public BigDecimal getValue() {
        return value;
    }
}
