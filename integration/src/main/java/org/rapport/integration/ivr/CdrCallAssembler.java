package org.rapport.integration.ivr;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.mapping.ReferenceLines;

/**
 * Gathers the CDR legs of each call and hands the call on once it is complete. A PBX writes a
 * call's legs as they end, so they arrive close together but not always next to each other (two
 * calls ending at once interleave). A call counts as complete once the file has moved on past its
 * last leg's end by the correlation window; memory thus holds the calls of one window, not the
 * file. A leg that repeats one already held is a duplicate and is refused; a call whose reference
 * was already given (its legs further apart than the window, or the file repeating itself) is
 * quarantined rather than counted twice. Not thread-safe: one per file.
 */
final class CdrCallAssembler {

    private final Duration window;
    private final BatchCollector out;
    private final Map<String, Group> open = new LinkedHashMap<>();
    /** A linked leg's key to the group it joined. */
    private final Map<String, String> joined = new HashMap<>();
    /** The calls given so far, by reference: a fingerprint and line each, so a long file is not held. */
    private final ReferenceLines givenCalls = new ReferenceLines();
    private LocalDateTime latestEnd;

    CdrCallAssembler(Duration window, BatchCollector out) {
        this.window = window;
        this.out = out;
    }

    /**
     * Takes one leg.
     *
     * @throws BadFieldException when the leg repeats one already taken
     */
    void add(CallLeg leg) throws BadFieldException {
        String key = joined.getOrDefault(leg.groupKey(), leg.groupKey());
        if (leg.linkKey() != null && !leg.linkKey().equals(key)) {
            key = join(key, joined.getOrDefault(leg.linkKey(), leg.linkKey()));
        }
        Group group = open.computeIfAbsent(key, Group::new);
        group.add(leg);
        if (latestEnd == null || leg.end().isAfter(latestEnd)) {
            latestEnd = leg.end();
            emitCallsEndedBefore(latestEnd.minus(window));
        }
    }

    /** The file has ended: every call still held is complete. */
    void finish() {
        emitCallsEndedBefore(LocalDateTime.MAX);
    }

    /** Puts the legs of {@code other} (when held) into {@code key}'s group, and remembers the link. */
    private String join(String key, String other) {
        Group otherGroup = open.remove(other);
        Group group = open.computeIfAbsent(key, Group::new);
        if (otherGroup != null) {
            group.legs.addAll(otherGroup.legs);
            group.lineOfLeg.putAll(otherGroup.lineOfLeg);
            if (otherGroup.lastEnd != null && (group.lastEnd == null || otherGroup.lastEnd.isAfter(group.lastEnd))) {
                group.lastEnd = otherGroup.lastEnd;
            }
        }
        joined.put(other, key);
        return key;
    }

    private void emitCallsEndedBefore(LocalDateTime threshold) {
        for (Iterator<Group> groups = open.values().iterator(); groups.hasNext();) {
            Group group = groups.next();
            if (group.lastEnd.isBefore(threshold)) {
                groups.remove();
                emit(group);
            }
        }
    }

    private void emit(Group group) {
        CallRecord call = CdrCall.derive(group.key, group.legs);
        long earlier = givenCalls.putIfAbsent(call.callRef(), call.line());
        if (earlier >= 0) {
            CallLeg first = group.legs.get(0);
            out.quarantine(new QuarantinedRow(call.line(), first.legKeyField(), "call '" + call.callRef()
                    + "' was already given by the legs from line " + earlier + ": a call is counted once (are its "
                    + "legs more than " + window.toMinutes() + " minutes apart, or is the file repeated?)",
                    first.text()));
            return;
        }
        out.add(call);
    }

    /** The legs of one call held so far. */
    private static final class Group {
        private final String key;
        private final List<CallLeg> legs = new ArrayList<>();
        private final Map<String, CallLeg> lineOfLeg = new HashMap<>();
        private LocalDateTime lastEnd;

        Group(String key) {
            this.key = key;
        }

        void add(CallLeg leg) throws BadFieldException {
            CallLeg earlier = lineOfLeg.putIfAbsent(leg.legKey(), leg);
            if (earlier != null) {
                throw new BadFieldException(leg.legKeyField(), earlier.text().equals(leg.text())
                        ? "repeats line " + earlier.line() + " exactly: a leg is counted once"
                        : "'" + leg.legKey() + "' is the leg of line " + earlier.line()
                                + " again, with other values: the first is kept");
            }
            legs.add(leg);
            if (lastEnd == null || leg.end().isAfter(lastEnd)) {
                lastEnd = leg.end();
            }
        }
    }
}
