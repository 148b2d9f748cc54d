package org.rapport.engine.kpi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

/**
 * The month's callers by reference, each with the segment, value band and preferred channel its customer
 * record gives (read once from the customer table, as a join of the calls to the customers would give them)
 * and a number of its own, a caller the CRM does not know included: calls are then tallied in memory
 * instead of being grouped per caller by the database, which H2 does slowly for a large company.
 * Customers sharing a segment, band and preferred channel share one {@link Profile}. Not thread-safe.
 */
final class Callers {

    /** What the slices of a caller's calls are keyed by; all null for a caller no customer record names. */
    record Profile(String segment, String valueBand, String preferredChannel) {
    }

    static final Profile UNKNOWN = new Profile(null, null, null);

    private static final String CUSTOMERS = "select c.external_id, c.segment, c.value_band, c.preferred_channel"
            + " from customer c";

    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Profile, Integer> profileNumbers = new HashMap<>();
    private final List<Profile> profiles = new ArrayList<>();
    private int[] profileOfCaller = new int[1024];

    Callers() {
        profileNumber(UNKNOWN);
    }

    /** Reads every customer record's reference and slice keys, streamed {@code fetchSize} rows at a time. */
    void read(EntityManager entityManager, int fetchSize) {
        try (Stream<?> rows = entityManager.createNativeQuery(CUSTOMERS)
                .setHint("org.hibernate.fetchSize", fetchSize)
                .getResultStream()) {
            rows.forEach(row -> {
                Object[] columns = (Object[]) row;
                Profile profile = new Profile((String) columns[1], (String) columns[2], (String) columns[3]);
                register((String) columns[0], profileNumber(profile));
            });
        }
    }

    /** The caller's number, given on first sight to a reference no customer record holds; -1 for none. */
    int number(String reference) {
        if (reference == null) {
            return -1;
        }
        Integer known = numbers.get(reference);
        return known != null ? known : register(reference, 0);
    }

    int count() {
        return numbers.size();
    }

    /** The number of the caller's profile (0 for {@link #UNKNOWN}, also for no caller at all). */
    int profileOf(int caller) {
        return caller < 0 ? 0 : profileOfCaller[caller];
    }

    Profile profile(int profileNumber) {
        return profiles.get(profileNumber);
    }

    int profiles() {
        return profiles.size();
    }

    private int register(String reference, int profile) {
        int caller = numbers.size();
        numbers.put(reference, caller);
        if (caller == profileOfCaller.length) {
            profileOfCaller = Arrays.copyOf(profileOfCaller, caller * 2);
        }
        profileOfCaller[caller] = profile;
        return caller;
    }

    private int profileNumber(Profile profile) {
        return profileNumbers.computeIfAbsent(profile, key -> {
            profiles.add(key);
            return profiles.size() - 1;
        });
    }
}
