package org.rapport.engine.kpi;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads stored instants (service cases) as the contact centre's local time inside a query, the way
 * call and survey times are stored: {@link #localSeconds} is an instant's epoch seconds shifted by the
 * zone's offset at that instant, a {@code case} over the zone's changes (summer time) in the window the
 * query looks at. {@code extract(epoch from …)} of a local timestamp gives the same scale on H2 and
 * PostgreSQL, so the two can be compared, or cut into days, in the database. Immutable.
 */
final class LocalClock {

    private final List<Instant> changes;
    private final List<Integer> offsets;

    private LocalClock(List<Instant> changes, List<Integer> offsets) {
        this.changes = changes;
        this.offsets = offsets;
    }

    /** The zone's offsets between {@code from} and {@code to}: one, or more across a change of the clocks. */
    static LocalClock of(ZoneId zone, Instant from, Instant to) {
        List<Instant> changes = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>(List.of(zone.getRules().getOffset(from).getTotalSeconds()));
        ZoneOffsetTransition transition = zone.getRules().nextTransition(from);
        while (transition != null && transition.getInstant().isBefore(to)) {
            changes.add(transition.getInstant());
            offsets.add(transition.getOffsetAfter().getTotalSeconds());
            transition = zone.getRules().nextTransition(transition.getInstant());
        }
        return new LocalClock(List.copyOf(changes), List.copyOf(offsets));
    }

    /**
     * JPQL for {@code instant}'s local time in epoch seconds. Offsets are whole seconds the zone rules give,
     * written as literals; the instants of the changes are the parameters {@link #parameters()} names.
     */
    String localSeconds(String instant) {
        StringBuilder offset = new StringBuilder();
        if (changes.isEmpty()) {
            offset.append(offsets.get(0));
        } else {
            offset.append("case");
            for (int index = 0; index < changes.size(); index++) {
                offset.append(" when ").append(instant).append(" < :clockChange").append(index)
                        .append(" then ").append(offsets.get(index));
            }
            offset.append(" else ").append(offsets.get(offsets.size() - 1)).append(" end");
        }
        return "(extract(epoch from " + instant + ") + " + offset + ")";
    }

    /** The instants of the changes, as {@link #localSeconds} refers to them. */
    Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int index = 0; index < changes.size(); index++) {
            parameters.put("clockChange" + index, changes.get(index));
        }
        return parameters;
    }
}
