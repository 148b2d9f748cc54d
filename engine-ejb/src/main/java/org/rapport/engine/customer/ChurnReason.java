package org.rapport.engine.customer;

/** Why a customer left, in the categories of the published baseline (DESIGN.md, Retention). */
public enum ChurnReason {
    TREATMENT, PRODUCT_OR_SERVICE, BETTER_OFFER, SERIAL_SWITCHER, STOPPED_USING, DECEASED, UNKNOWN
}
