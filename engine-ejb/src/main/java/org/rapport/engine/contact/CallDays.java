package org.rapport.engine.contact;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.persistence.Query;

/**
 * The days on which the calls started in a range of start times fall. Every read of calls by time names these days
 * beside the times, so that the database reads them through the calls' day index (V108): a month's calls come in
 * any order of time, and an index of start times, inserted at random places, cost H2 more than a third of storing
 * them, while a day's entries grow at one end (800,000 calls: 80.5 s with the time index, 50.4 s with the day index,
 * bench/README "H2: the calls indexed by day").
 *
 * @param first the day of the range's first instant
 * @param last  the day of the range's last instant (the end itself is not in the range)
 */
public record CallDays(LocalDate first, LocalDate last) {

    public CallDays {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("Days from " + first + " to " + last + " are no range");
        }
    }

    /** The days of the calls started in [{@code start}, {@code end}). */
    public static CallDays between(LocalDateTime start, LocalDateTime end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Start times from " + start + " to " + end + " are no range");
        }
        return new CallDays(start.toLocalDate(), end.minusNanos(1).toLocalDate());
    }

    /** The condition on the day of JPQL {@code call}, with parameters {@code :firstDay} and {@code :lastDay}. */
    public static String jpql(String call) {
        return call + ".startedOn between :firstDay and :lastDay";
    }

    /** The condition on the day of SQL {@code call}, with parameters {@code :firstDay} and {@code :lastDay}. */
    public static String sql(String call) {
        return call + ".started_on between :firstDay and :lastDay";
    }

    /** {@code :firstDay} and {@code :lastDay} as these days, for a query built with a map of parameters. */
    public Map<String, Object> parameters() {
        return Map.of("firstDay", first, "lastDay", last);
    }

    /** {@code query} with {@code :firstDay} and {@code :lastDay} bound to these days. */
    public <Q extends Query> Q bind(Q query) {
        parameters().forEach(query::setParameter);
        return query;
    }
}
