package org.rapport.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One bar (or one point of a line) of a pack chart: a value of a series in a category, e.g. series
 * "This month", category "Regular", value 120. A JavaBean for JRBeanCollectionDataSource. A missing
 * value stays null: a line chart leaves a gap there instead of drawing a zero.
 */
public final class ChartBar {

    private final String series;
    private final String category;
    private final BigDecimal value;

    private ChartBar(String series, String category, BigDecimal value) {
        this.series = series;
        this.category = category;
        this.value = value;
    }

    /** {@code value} to one decimal, so labels read like the tables' figures. */
    static ChartBar of(String series, String category, BigDecimal value) {
        return new ChartBar(series, category, value == null ? null : value.setScale(1, RoundingMode.HALF_UP));
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
