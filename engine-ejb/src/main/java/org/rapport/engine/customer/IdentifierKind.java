package org.rapport.engine.customer;

import java.util.Locale;

/** What else than its id a customer is known by in the systems that contact it. */
public enum IdentifierKind {
    /** An account number, as the CRM and billing write it; compared without spaces and letter case. */
    ACCOUNT_NUMBER {
        @Override
        public String normal(String value) {
            return value.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        }
    },
    /** A telephone number, compared as its digits only: telephony writes it with and without a plus. */
    PHONE_NUMBER {
        @Override
        public String normal(String value) {
            return value.replaceAll("\\D", "");
        }
    };

    /** The value as compared; blank when nothing of it is left. */
    public abstract String normal(String value);
}
