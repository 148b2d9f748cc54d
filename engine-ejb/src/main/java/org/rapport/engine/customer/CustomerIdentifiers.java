package org.rapport.engine.customer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * The customers behind account and telephone numbers, kept as keyed hashes. The CRM is the master:
 * a number it gives again for another customer moves to that customer. Works in the caller's
 * transaction. Not thread-safe: one per transaction.
 */
public final class CustomerIdentifiers {

    private final EntityManager entityManager;
    private final IdentifierKey key;

    public CustomerIdentifiers(EntityManager entityManager, IdentifierKey key) {
        this.entityManager = entityManager;
        this.key = key;
    }

    /** One identifier a CRM row gave for a customer. */
    public record Given(String customerRef, IdentifierKind kind, String value) {
    }

    /** Keeps what a chunk of CRM rows gave, in one query for those already known; blank values are skipped. */
    public void remember(List<Given> given) {
        Map<String, Given> byHash = new LinkedHashMap<>();
        for (Given identifier : given) {
            if (identifier.value() != null && !identifier.kind().normal(identifier.value()).isEmpty()) {
                byHash.put(identifier.kind() + ":" + key.hash(identifier.kind(), identifier.value()), identifier);
            }
        }
        if (byHash.isEmpty()) {
            return;
        }
        Map<String, CustomerIdentifier> known = new HashMap<>();
        entityManager.createQuery("select i from CustomerIdentifier i where i.keyedHash in :hashes",
                CustomerIdentifier.class)
                .setParameter("hashes", byHash.keySet().stream().map(kindAndHash -> kindAndHash
                        .substring(kindAndHash.indexOf(':') + 1)).toList())
                .getResultStream()
                .forEach(identifier -> known.put(identifier.getKind() + ":" + identifier.getKeyedHash(), identifier));
        byHash.forEach((kindAndHash, identifier) -> {
            CustomerIdentifier stored = known.get(kindAndHash);
            if (stored == null) {
                entityManager.persist(new CustomerIdentifier(identifier.kind(),
                        kindAndHash.substring(kindAndHash.indexOf(':') + 1), identifier.customerRef()));
            } else {
                stored.heldBy(identifier.customerRef());
            }
        });
    }

    /** The customer holding an identifier, if the CRM gave it. */
    public Optional<String> customerOf(IdentifierKind kind, String value) {
        if (value == null || kind.normal(value).isEmpty()) {
            return Optional.empty();
        }
        return entityManager.createQuery("""
                select i.customerRef from CustomerIdentifier i where i.kind = :kind and i.keyedHash = :hash""",
                String.class)
                .setParameter("kind", kind)
                .setParameter("hash", key.hash(kind, value))
                .getResultStream()
                .findFirst();
    }
}
