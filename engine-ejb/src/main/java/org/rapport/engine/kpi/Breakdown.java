package org.rapport.engine.kpi;

/**
 * A way of slicing a KPI beyond the company-wide figure. A slice is stored as the KPI's dimension,
 * {@code name=value}: "segment=one-year", "value_band=high", "channel=phone", "engagement=engaged".
 */
public enum Breakdown {

    /** The customer's segment as the CRM gives it. */
    SEGMENT("segment"),
    /** The customer's value band as the CRM gives it. */
    VALUE_BAND("value_band"),
    /** The channel of the contact (a call's or case's channel, a survey's touchpoint). */
    CHANNEL("channel"),
    /** Engaged customers (regular, loyal, advocate) against the others, known once the customers are scored. */
    ENGAGEMENT("engagement");

    private final String dimensionName;

    Breakdown(String dimensionName) {
        this.dimensionName = dimensionName;
    }

    /** The name before the {@code =} in a dimension, e.g. "value_band". */
    public String dimensionName() {
        return dimensionName;
    }

    /** The dimension of one slice, e.g. "value_band=high". */
    public String dimension(Object value) {
        return dimensionName + "=" + value;
    }

    /** The prefix every slice of this breakdown starts with, e.g. "value_band=". */
    public String prefix() {
        return dimensionName + "=";
    }
}
