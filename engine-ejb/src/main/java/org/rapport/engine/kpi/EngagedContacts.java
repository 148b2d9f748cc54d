package org.rapport.engine.kpi;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The month's contacts of the scored customers that cost to serve prices, counted by engagement (engaged or
 * not) and costing channel as the scoring step reads them page by page, so that cost to serve by engagement
 * needs no second pass over the month's calls and cases. Not thread-safe.
 */
public final class EngagedContacts {

    static final String ENGAGED = "engaged";
    static final String NOT_ENGAGED = "not_engaged";

    /** The stages of an engaged customer, as scores store them. */
    private static final Set<String> ENGAGED_STAGES = Set.of("regular", "loyal", "advocate");

    /** Contacts by engagement dimension ("engagement=engaged"), then by costing channel. */
    private final Map<String, Map<String, Long>> contacts = new TreeMap<>();

    /** Whether a customer scored at {@code stage} (as stored, e.g. "regular") is engaged. */
    public static boolean engaged(String stage) {
        return stage != null && ENGAGED_STAGES.contains(stage.toLowerCase(Locale.ROOT));
    }

    /** Adds one customer's contacts, by costing channel, to their engagement's. */
    public void add(boolean engaged, Map<String, Long> byCostingChannel) {
        byCostingChannel.forEach((channel, count) -> add(engaged, channel, count));
    }

    void add(boolean engaged, String costingChannel, long count) {
        contacts.computeIfAbsent(Breakdown.ENGAGEMENT.dimension(engaged ? ENGAGED : NOT_ENGAGED),
                dimension -> new TreeMap<>()).merge(costingChannel, count, Long::sum);
    }

    /** Adds another page's counts to these. */
    public void addAll(EngagedContacts other) {
        other.contacts.forEach((dimension, byChannel) -> byChannel.forEach((channel, count) ->
                contacts.computeIfAbsent(dimension, key -> new TreeMap<>()).merge(channel, count, Long::sum)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngagedContacts counted && contacts.equals(counted.contacts);
    }

    @Override
    public int hashCode() {
        return contacts.hashCode();
    }

    @Override
    public String toString() {
        return contacts.toString();
    }

    /** The counts, by engagement dimension and costing channel. */
    Map<String, Map<String, Long>> byDimension() {
        return contacts;
    }
}
