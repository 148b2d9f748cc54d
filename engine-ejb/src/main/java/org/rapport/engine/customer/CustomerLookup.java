package org.rapport.engine.customer;

import java.util.Optional;

import jakarta.ejb.Local;

/** Finds the customer behind an account or telephone number the CRM gave. Thread-safe. */
@Local
@FunctionalInterface
public interface CustomerLookup {

    Optional<String> customerOf(IdentifierKind kind, String value);
}
