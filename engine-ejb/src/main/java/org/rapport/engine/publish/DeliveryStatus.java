package org.rapport.engine.publish;

/** Where one delivery of a pack stands. */
public enum DeliveryStatus {
    /** Not delivered yet; another attempt is planned. */
    PENDING,
    SENT,
    /** Given up: the reason says why (an invalid address, or attempts exhausted). */
    FAILED
}
