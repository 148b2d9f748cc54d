package org.rapport.engine.customer;

/** Whether a customer is still with us. */
public enum CustomerStatus {
    ACTIVE, CHURNED
}
