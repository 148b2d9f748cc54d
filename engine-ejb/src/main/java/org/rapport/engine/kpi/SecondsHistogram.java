package org.rapport.engine.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many calls took each whole number of seconds, per group of segment, value band and channel: enough
 * to give any slice's percentile exactly, as the database's {@code percentile_cont} gives it over the
 * calls themselves, from a few thousand rows instead of a sort of the calls per slice. Not thread-safe.
 */
final class SecondsHistogram {

    private record Group(String segment, String valueBand, String channel, long seconds, long calls) {
    }

    private final List<Group> groups = new ArrayList<>();

    void add(String segment, String valueBand, String channel, long seconds, long calls) {
        groups.add(new Group(segment, valueBand, channel, seconds, calls));
    }

    /** The continuous percentile {@code hundredths}/100 of the slice {@code dimension}, null without calls. */
    Double percentile(String dimension, int hundredths) {
        Map<Long, Long> counts = new TreeMap<>();
        for (Group group : groups) {
            if (in(group, dimension)) {
                counts.merge(group.seconds(), group.calls(), Long::sum);
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        // percentile_cont: the value at position p·(n − 1) of the sorted values, interpolated between its
        // neighbours; kept in whole hundredths so that the position is exact.
        long position = hundredths * (total - 1);
        long below = position / 100;
        long fraction = position % 100;
        Long lower = null;
        Long upper = null;
        long seen = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            long after = seen + entry.getValue();
            if (lower == null && below < after) {
                lower = entry.getKey();
            }
            if (lower != null && below + 1 < after) {
                upper = entry.getKey();
                break;
            }
            seen = after;
        }
        if (upper == null || fraction == 0) {
            return lower.doubleValue();
        }
        return BigDecimal.valueOf(lower).add(BigDecimal.valueOf(upper - lower)
                .multiply(BigDecimal.valueOf(fraction)).divide(BigDecimal.valueOf(100))).doubleValue();
    }

    private static boolean in(Group group, String dimension) {
        if (dimension.equals(Measurement.OVERALL)) {
            return true;
        }
        return dimension.equals(Breakdown.SEGMENT.dimension(group.segment())) && group.segment() != null
                || dimension.equals(Breakdown.VALUE_BAND.dimension(group.valueBand())) && group.valueBand() != null
                || dimension.equals(Breakdown.CHANNEL.dimension(group.channel())) && group.channel() != null;
    }
}
