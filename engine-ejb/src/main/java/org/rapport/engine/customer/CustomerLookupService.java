package org.rapport.engine.customer;

import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The customer lookup in the server, on the stored keyed hashes. */
@Stateless
public class CustomerLookupService implements CustomerLookup {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Inject
    private InstallationKeys keys;

    @Override
    public Optional<String> customerOf(IdentifierKind kind, String value) {
        return new CustomerIdentifiers(entityManager, keys.identifierKey()).customerOf(kind, value);
    }

    @Override
    public Optional<String> awaitingRef(IdentifierKind kind, String value) {
        return new CustomerIdentifiers(entityManager, keys.identifierKey()).awaitingRef(kind, value);
    }
}
