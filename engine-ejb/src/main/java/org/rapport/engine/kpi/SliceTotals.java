package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Additive aggregates (counts and sums) of a month's rows, grouped once by every slice key together —
 * the customer's segment and value band and the row's channel — and rolled up here to the company-wide
 * figure and to each breakdown. One grouped query thus gives what took a query per breakdown, and one
 * query with several counts what took a query per KPI: a count of a slice is the sum of the counts of the
 * groups that carry its key. Not thread-safe.
 */
final class SliceTotals {

    /** Index of a group key's segment, value band and channel. */
    private static final int SEGMENT = 0;
    private static final int VALUE_BAND = 1;
    private static final int CHANNEL = 2;

    private final int width;
    private final Map<List<String>, Number[]> groups = new LinkedHashMap<>();

    /** @param width how many sums each group carries */
    SliceTotals(int width) {
        this.width = width;
    }

    /**
     * Adds one group's sums (nulls, as a database gives a sum over no rows, add nothing). A null key part
     * (no segment, an unknown caller, no channel) keeps the group out of that breakdown, not out of overall.
     */
    void add(String segment, String valueBand, String channel, Object[] sums) {
        if (sums.length != width) {
            throw new IllegalArgumentException("A group of " + width + " sums was given " + sums.length);
        }
        Number[] total = groups.computeIfAbsent(Arrays.asList(segment, valueBand, channel), key -> new Number[width]);
        for (int index = 0; index < width; index++) {
            total[index] = plus(total[index], (Number) sums[index]);
        }
    }

    /**
     * Other sums worked out per group from its channel and sums, before any rolling up: what depends on the
     * channel (a contact's price) cannot be worked out from a slice's totals across channels.
     */
    SliceTotals perGroup(int newWidth, BiFunction<String, Number[], Object[]> sums) {
        SliceTotals derived = new SliceTotals(newWidth);
        groups.forEach((key, total) -> derived.add(key.get(SEGMENT), key.get(VALUE_BAND), key.get(CHANNEL),
                sums.apply(key.get(CHANNEL), total)));
        return derived;
    }

    /**
     * These groups' sums followed by {@code more}'s for the same group, as one query would have given them side by
     * side: a count {@code more} has no group for is 0 (it counted no row of it), as a {@code sum(case …)} of
     * the group's rows would be.
     */
    SliceTotals besides(SliceTotals more) {
        SliceTotals both = new SliceTotals(width + more.width);
        groups.forEach((key, sums) -> {
            Number[] others = more.groups.get(key);
            Object[] together = Arrays.copyOf(sums, width + more.width, Object[].class);
            for (int index = 0; index < more.width; index++) {
                together[width + index] = others == null ? Long.valueOf(0) : others[index];
            }
            both.add(key.get(SEGMENT), key.get(VALUE_BAND), key.get(CHANNEL), together);
        });
        more.groups.forEach((key, others) -> {
            if (!groups.containsKey(key)) {
                Object[] together = new Object[width + more.width];
                System.arraycopy(others, 0, together, width, more.width);
                both.add(key.get(SEGMENT), key.get(VALUE_BAND), key.get(CHANNEL), together);
            }
        });
        return both;
    }

    /**
     * The company-wide slice first (always there, its sums null over no rows), then each breakdown's slices in
     * key order. A breakdown's slice is there only when {@code present} (an index of a count) is above 0 for it:
     * the rows its KPI counts, so that a query widened to several KPIs lists no slice a KPI's own query would
     * not have found. A negative {@code present} lists every slice with a group.
     */
    List<SlicedQuery.Slice> slices(List<Breakdown> breakdowns, int present) {
        List<SlicedQuery.Slice> slices = new ArrayList<>();
        Number[] overall = new Number[width];
        groups.values().forEach(sums -> add(overall, sums));
        slices.add(new SlicedQuery.Slice(Measurement.OVERALL, overall));
        for (Breakdown breakdown : breakdowns) {
            int part = part(breakdown);
            Map<String, Number[]> byKey = new TreeMap<>();
            groups.forEach((key, sums) -> {
                if (key.get(part) != null) {
                    add(byKey.computeIfAbsent(key.get(part), value -> new Number[width]), sums);
                }
            });
            byKey.forEach((value, sums) -> {
                if (present < 0 || Aggregates.asLong(sums[present]) > 0) {
                    slices.add(new SlicedQuery.Slice(breakdown.dimension(value), sums));
                }
            });
        }
        return slices;
    }

    private static int part(Breakdown breakdown) {
        return switch (breakdown) {
            case SEGMENT -> SEGMENT;
            case VALUE_BAND -> VALUE_BAND;
            case CHANNEL -> CHANNEL;
            default -> throw new IllegalArgumentException("Rows are not grouped by " + breakdown);
        };
    }

    private static void add(Number[] total, Number[] sums) {
        for (int index = 0; index < total.length; index++) {
            total[index] = plus(total[index], sums[index]);
        }
    }

    /** Counts stay whole numbers; money summed as decimals stays exact. */
    private static Number plus(Number total, Number value) {
        if (value == null) {
            return total;
        }
        if (total == null) {
            return value;
        }
        if (total instanceof BigDecimal || value instanceof BigDecimal
                || total instanceof Double || value instanceof Double) {
            return decimal(total).add(decimal(value));
        }
        return total.longValue() + value.longValue();
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
