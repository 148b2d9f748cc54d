package org.rapport.integration.source;

import org.rapport.engine.customer.IdentifierKind;

/**
 * Turns what a source knows a customer by into Rapport's customer reference; for a number nobody holds
 * yet, what the directory keeps such contacts under until a customer file gives it (or null): an
 * unmatched contact is kept and counted, never dropped. Thread-safe.
 */
public final class CustomerMatcher {

    private final CustomerMatch match;
    private final CustomerDirectory directory;

    public CustomerMatcher(CustomerMatch match, CustomerDirectory directory) {
        this.match = match;
        this.directory = directory;
    }

    /** The customer reference for a delivered identifier (blank: null). */
    public String customerRef(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return null;
        }
        String value = identifier.strip();
        return switch (match) {
            case CUSTOMER_ID -> value;
            case ACCOUNT_NUMBER -> directory.byAccountNumber(value)
                    .or(() -> directory.awaiting(IdentifierKind.ACCOUNT_NUMBER, value)).orElse(null);
            case CALLER_NUMBER -> directory.byPhoneNumber(digits(value))
                    .or(() -> directory.awaiting(IdentifierKind.PHONE_NUMBER, digits(value))).orElse(null);
        };
    }

    /** Telephony writes numbers with and without a plus, spaces and dashes; the directory sees digits only. */
    static String digits(String number) {
        return number.replaceAll("\\D", "");
    }
}
