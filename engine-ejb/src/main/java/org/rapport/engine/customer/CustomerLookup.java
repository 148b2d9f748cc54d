package org.rapport.engine.customer;

import java.util.Optional;

import jakarta.ejb.Local;

/** Finds the customer behind an account or telephone number the CRM gave. Thread-safe. */
@Local
@FunctionalInterface
public interface CustomerLookup {

    Optional<String> customerOf(IdentifierKind kind, String value);

    /**
     * What a contact known by a number no customer holds is kept under until a customer file gives the
     * number (see {@link CustomerIdentifiers#awaitingRef}); empty where contacts are not kept that way.
     */
    default Optional<String> awaitingRef(IdentifierKind kind, String value) {
        return Optional.empty();
    }
}
