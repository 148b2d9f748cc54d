package org.rapport.engine.intake;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The customers a file's contacts name that the store was found to know, kept while the file is written: a customer
 * calls many times a month, and looking every one up again in each 1,000 rows was 14 % of the intake's CPU on H2
 * (bench/README). A customer found once counts as known for the rest of the file (one withdrawn meanwhile still
 * matches: the unmatched count is the file's as it was stored); customers not found are looked up again, as a
 * customers file stored meanwhile may bring them. At most {@value #LIMIT} are kept, so a large company's file costs
 * a bounded few tens of megabytes. Not thread-safe: one per file.
 */
final class KnownCustomers {

    static final int LIMIT = 250_000;

    private final Set<String> known = new HashSet<>();

    boolean knows(String customerRef) {
        return known.contains(customerRef);
    }

    /** Remembers {@code found} as known, while fewer than {@value #LIMIT} are. */
    void remember(Collection<String> found) {
        for (String customerRef : found) {
            if (known.size() >= LIMIT) {
                return;
            }
            known.add(customerRef);
        }
    }

    int size() {
        return known.size();
    }
}
