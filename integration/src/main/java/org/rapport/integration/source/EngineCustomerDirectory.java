package org.rapport.integration.source;

import java.util.Optional;

import org.rapport.engine.customer.CustomerLookup;
import org.rapport.engine.customer.IdentifierKind;

/**
 * The customer directory the engine keeps: account and telephone numbers the CRM delivered, stored as
 * keyed hashes. A contact matched by a number no customer was given yet is kept under the number's keyed
 * hash, counted as unmatched until a customer file gives the number. Thread-safe when the lookup is (the engine's EJB is).
 */
public final class EngineCustomerDirectory implements CustomerDirectory {

    private final CustomerLookup lookup;

    public EngineCustomerDirectory(CustomerLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<String> byAccountNumber(String accountNumber) {
        return lookup.customerOf(IdentifierKind.ACCOUNT_NUMBER, accountNumber);
    }

    @Override
    public Optional<String> byPhoneNumber(String digits) {
        return lookup.customerOf(IdentifierKind.PHONE_NUMBER, digits);
    }

    @Override
    public Optional<String> awaiting(IdentifierKind kind, String value) {
        return lookup.awaitingRef(kind, value);
    }
}
