package org.rapport.engine.servicecase;

/** What a customer came to us with. */
public enum ServiceCaseKind {
    COMPLAINT, COMPLIMENT, REQUEST, ENQUIRY, CALL_BACK
}
