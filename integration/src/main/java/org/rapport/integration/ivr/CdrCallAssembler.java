package org.rapport.integration.ivr;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
    private final Map<String, Group> open = new HashMap<>();
    /**
     * When each open call's last leg ended, soonest first: a call is found complete without looking at every call the
     * window holds as each leg comes (thousands of them at a busy PBX's hour). An entry is out of date once its call
     * has ended later, joined another or been handed on; such entries are passed over.
     */
    private final PriorityQueue<Ending> endings = new PriorityQueue<>(Comparator.comparing(Ending::lastEnd));
    private long groupsMade;
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
        Group group = open.computeIfAbsent(key, this::newGroup);
        group.add(leg);
        endings.add(new Ending(group.lastEnd, group));
        if (latestEnd == null || leg.end().isAfter(latestEnd)) {
            latestEnd = leg.end();
            emitCallsEndedBefore(latestEnd.minus(window));
        }
    }

    /** The file has ended: every call still held is complete. */
    void finish() {
        List<Group> held = new ArrayList<>(open.values());
        open.clear();
        endings.clear();
        emitInOrderBegun(held);
    }

    private Group newGroup(String key) {
        return new Group(key, groupsMade++);
    }

    /** Puts the legs of {@code other} (when held) into {@code key}'s group, and remembers the link. */
    private String join(String key, String other) {
        Group otherGroup = open.remove(other);
        Group group = open.computeIfAbsent(key, this::newGroup);
        if (otherGroup != null) {
            group.legs.addAll(otherGroup.legs);
            group.lineOfLeg.putAll(otherGroup.lineOfLeg);
            if (otherGroup.lastEnd != null && (group.lastEnd == null || otherGroup.lastEnd.isAfter(group.lastEnd))) {
                group.lastEnd = otherGroup.lastEnd;
            }
            endings.add(new Ending(group.lastEnd, group));
        }
        joined.put(other, key);
        return key;
    }

    private void emitCallsEndedBefore(LocalDateTime threshold) {
        List<Group> ended = new ArrayList<>();
        while (!endings.isEmpty() && endings.peek().lastEnd().isBefore(threshold)) {
            Ending ending = endings.poll();
            Group group = ending.group();
            if (open.get(group.key) == group && group.lastEnd.equals(ending.lastEnd())) {
                open.remove(group.key);
                ended.add(group);
            }
        }
        emitInOrderBegun(ended);
    }

    /** Calls that end at once are handed on in the order their first legs came, whatever their legs' times. */
    private void emitInOrderBegun(List<Group> groups) {
        groups.sort(Comparator.comparingLong(group -> group.made));
        groups.forEach(this::emit);
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

    /** When a call's last leg ended, as it stood when the entry was made. */
    private record Ending(LocalDateTime lastEnd, Group group) {
    }

    /** The legs of one call held so far. */
    private static final class Group {
        private final String key;
        /** Groups made before this one in the file. */
        private final long made;
        private final List<CallLeg> legs = new ArrayList<>();
        private final Map<String, CallLeg> lineOfLeg = new HashMap<>();
        private LocalDateTime lastEnd;

        Group(String key, long made) {
            this.key = key;
            this.made = made;
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
