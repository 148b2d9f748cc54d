package org.rapport.integration.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a source knows its customers by. */
public enum CustomerMatch {
    /** The CRM's own customer id: taken as it is. */
    CUSTOMER_ID,
    /** An account number, looked up in the customer directory. */
    ACCOUNT_NUMBER,
    /** The number a call came from, looked up in the customer directory. */
    CALLER_NUMBER;

    /** The name as written in a definition, e.g. {@code caller-number}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<CustomerMatch> fromLabel(String label) {
        return Arrays.stream(values()).filter(match -> match.label().equalsIgnoreCase(label)).findFirst();
    }
}
