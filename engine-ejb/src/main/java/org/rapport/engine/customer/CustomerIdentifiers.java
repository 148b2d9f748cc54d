package org.rapport.engine.customer;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * The customers behind account and telephone numbers, kept as keyed hashes. The CRM is the master:
 * a number it gives again for another customer moves to that customer. A contact a source knows by a
 * number no customer holds yet is kept under the number's keyed hash ({@link #awaitingRef}) and moves to
 * its customer when a customer file gives the number: arrival order does not decide what is matched.
 * Works in the caller's transaction. Not thread-safe: one per transaction.
 */
public final class CustomerIdentifiers {

    /** The records a source may know its customer in by account or telephone number. */
    private static final List<String> CONTACT_RECORDS = List.of("Call", "SurveyResponse", "Purchase", "ServiceCase");

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
        resolveAwaiting(byHash.keySet().stream().map(kindAndHash -> kindAndHash.substring(kindAndHash.indexOf(':') + 1))
                .toList());
    }

    /**
     * What a contact is kept under when a source knows it by a number no customer holds yet: the number's
     * keyed hash (never the number), which {@link #remember} turns into the customer once one is given it.
     * Matches no customer until then, so the contact counts as unmatched.
     */
    public Optional<String> awaitingRef(IdentifierKind kind, String value) {
        if (value == null || kind.normal(value).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(key.hash(kind, value));
    }

    /** Contacts kept under any of {@code hashes} move to the customer now holding that number. */
    private void resolveAwaiting(List<String> hashes) {
        entityManager.flush();
        for (String facts : CONTACT_RECORDS) {
            // the entity names are this class's own constants; only the hashes are parameters
            entityManager.createQuery("update " + facts + " r set r.customerRef = (select i.customerRef from "
                            + "CustomerIdentifier i where i.keyedHash = r.customerRef) where r.customerRef in :hashes")
                    .setParameter("hashes", hashes)
                    .executeUpdate();
        }
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
