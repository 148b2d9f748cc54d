package org.rapport.integration.ivr;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 * file: of a call handed on, only fingerprints of its keys are kept ({@link ReferenceLines}). A leg that
 * repeats one already held is a duplicate and is refused; a call whose reference was already given (its
 * legs further apart than the window, or the file repeating itself) is quarantined rather than counted
 * twice, and so is a late leg that joins a call already given through a linked key. Not thread-safe: one
 * per file.
 */
final class CdrCallAssembler {

    private final Duration window;
    private final BatchCollector out;
    private final Map<String, Group> open = new LinkedHashMap<>();
    /** A linked leg's key to the group it joined, while that group is held. */
    private final Map<String, String> joined = new HashMap<>();
    /** The calls given so far, by reference: a fingerprint and line each, so a long file is not held. */
    private final ReferenceLines givenCalls = new ReferenceLines();
    /** The keys that joined the calls given so far, with the line of the call each joined. */
    private final ReferenceLines givenLinks = new ReferenceLines();
    /**
     * The held calls by the second their last leg ends, in a ring of a slot a second, so that the calls the file has
     * moved past are found without looking at every call held (hundreds to thousands on a busy PBX, for every leg). A
     * call is listed after the calls due are handed on, so the seconds listed lie within a window of the latest leg's
     * end and a ring a little longer than the window holds them without two seconds sharing a slot (except before the
     * first sweep, when a leg may end further back: a slot then keeps what belongs to its other seconds). A call is
     * listed again when it ends later; its older entries, and those of a call handed on or joined into another since,
     * are dropped when their slot is swept.
     */
    private final List<Group>[] endingIn;
    private final int slotMask;
    /** The earliest second a call was listed under before the first sweep. */
    private long firstListed = Long.MAX_VALUE;
    /** The threshold's second at the last sweep: a call ending before it is listed under it. */
    private long sweptBefore = Long.MIN_VALUE;
    /** The calls due in a sweep, kept from sweep to sweep: nearly every leg makes one. */
    private final List<Group> due = new ArrayList<>();
    private long groupsMade;
    private LocalDateTime latestEnd;

    @SuppressWarnings("unchecked")
    CdrCallAssembler(Duration window, BatchCollector out) {
        this.window = window;
        this.out = out;
        long seconds = Math.min(Math.max(window.toSeconds(), 0) + 2, 1 << 17);
        this.endingIn = new List[Integer.highestOneBit((int) seconds - 1) << 1];
        this.slotMask = endingIn.length - 1;
    }

    /**
     * Takes one leg.
     *
     * @throws BadFieldException when the leg repeats one already taken
     */
    void add(CallLeg leg) throws BadFieldException {
        long given = lineOfCallGivenThroughLink(leg);
        if (given >= 0) {
            out.quarantine(new QuarantinedRow(leg.line(), leg.legKeyField(), "the leg joins a call already given by the"
                    + " legs from line " + given + ": a call is counted once (are its legs more than "
                    + window.toMinutes() + " minutes apart, or is the file repeated?)", leg.text()));
            return;
        }
        String key = joined.getOrDefault(leg.groupKey(), leg.groupKey());
        if (leg.linkKey() != null && !leg.linkKey().equals(key)) {
            key = join(key, joined.getOrDefault(leg.linkKey(), leg.linkKey()));
        }
        Group group = open.computeIfAbsent(key, this::newGroup);
        try {
            group.add(leg);
            if (latestEnd == null || leg.end().isAfter(latestEnd)) {
                latestEnd = leg.end();
                // the leg's own call ends at the latest end or later: never due in this sweep
                emitCallsEndedBefore(latestEnd.minus(window));
            }
        } finally {
            list(group);
        }
    }

    /** The file has ended: every call still held is complete, handed on in the order they began. */
    void finish() {
        List<Group> held = new ArrayList<>(open.values());
        open.clear();
        held.forEach(this::emit);
    }

    /**
     * The line of the call given already that {@code leg} would join through a link: its own key linked into that
     * call, or the key it links to being that call's or linked into it; -1 when none. A leg whose own key is a given
     * call's is left to {@link #emit}, which quarantines the call it makes.
     */
    private long lineOfCallGivenThroughLink(CallLeg leg) {
        if (!isHeld(leg.groupKey())) {
            long line = givenLinks.lineOf(leg.groupKey());
            if (line >= 0) {
                return line;
            }
        }
        String link = leg.linkKey();
        if (link == null || link.equals(leg.groupKey()) || isHeld(link)) {
            return -1;
        }
        long line = givenLinks.lineOf(link);
        return line >= 0 ? line : givenCalls.lineOf(link);
    }

    private boolean isHeld(String key) {
        return open.containsKey(key) || joined.containsKey(key);
    }

    /** Puts the legs of {@code other} (when held) into {@code key}'s group, and remembers the link. */
    private String join(String key, String other) {
        Group otherGroup = open.remove(other);
        Group group = open.computeIfAbsent(key, this::newGroup);
        if (otherGroup != null) {
            otherGroup.held = false;
            group.legs.addAll(otherGroup.legs);
            group.lineOfLeg.putAll(otherGroup.lineOfLeg);
            if (otherGroup.lastEnd != null && (group.lastEnd == null || otherGroup.lastEnd.isAfter(group.lastEnd))) {
                group.lastEnd = otherGroup.lastEnd;
            }
            // keys that had joined the other group now lead to this one
            for (String link : otherGroup.links) {
                joined.put(link, key);
                group.links.add(link);
            }
        }
        joined.put(other, key);
        group.links.add(other);
        return key;
    }

    private Group newGroup(String key) {
        return new Group(key, groupsMade++);
    }

    /** Lists a held call under the second its last leg ends now (or the last sweep's, if earlier). */
    private void list(Group group) {
        if (group.lastEnd == null) {
            return;
        }
        long second = Math.max(group.lastEnd.toEpochSecond(ZoneOffset.UTC), sweptBefore);
        if (second == group.listedIn) {
            return;
        }
        int slot = (int) second & slotMask;
        if (endingIn[slot] == null) {
            endingIn[slot] = new ArrayList<>(4);
        }
        endingIn[slot].add(group);
        group.listedIn = second;
        firstListed = Math.min(firstListed, second);
    }

    /**
     * Hands on the calls held whose last leg ended before {@code threshold}, in the order they began (their place in
     * {@link #open}), as looking over every call held would: sweeps the slots of the seconds from the last sweep's to
     * the threshold's, each slot once however far the file has moved on.
     */
    private void emitCallsEndedBefore(LocalDateTime threshold) {
        long upTo = threshold.toEpochSecond(ZoneOffset.UTC);
        long from = sweptBefore == Long.MIN_VALUE ? firstListed : sweptBefore;
        if (upTo < from) {
            return;
        }
        long last = upTo - from >= endingIn.length ? from + endingIn.length - 1 : upTo;
        for (long second = from; second <= last; second++) {
            sweep((int) second & slotMask, threshold);
        }
        sweptBefore = upTo;
        if (due.size() > 1) {
            due.sort(Comparator.comparingLong(group -> group.made));
        }
        for (Group group : due) {
            open.remove(group.key);
            emit(group);
        }
        due.clear();
    }

    /**
     * Moves to {@link #due} the calls in {@code slot} held and ended before {@code threshold}; keeps the entries of the
     * others held that are listed under a second of this slot, drops the rest.
     */
    private void sweep(int slot, LocalDateTime threshold) {
        List<Group> listed = endingIn[slot];
        if (listed == null || listed.isEmpty()) {
            return;
        }
        int kept = 0;
        for (int index = 0; index < listed.size(); index++) {
            Group group = listed.get(index);
            if (!group.held) {
                continue;
            }
            if (group.lastEnd.isBefore(threshold)) {
                group.held = false;
                due.add(group);
            } else if (((int) group.listedIn & slotMask) == slot) {
                listed.set(kept++, group);
            }
        }
        if (kept < listed.size()) {
            listed.subList(kept, listed.size()).clear();
        }
    }

    private void emit(Group group) {
        CallRecord call = CdrCall.derive(group.key, group.legs);
        long earlier = givenCalls.putIfAbsent(call.callRef(), call.line());
        for (String link : group.links) {
            joined.remove(link);
            givenLinks.putIfAbsent(link, earlier >= 0 ? earlier : call.line());
        }
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

    /** How many linked keys are held, for tests: those of the calls held, not of the calls given. */
    int linksHeld() {
        return joined.size();
    }

    /** The legs of one call held so far. */
    private static final class Group {
        private final String key;
        /** Its place among the groups made, which is its place in {@link #open}. */
        private final long made;
        private final List<CallLeg> legs = new ArrayList<>();
        private final Map<String, CallLeg> lineOfLeg = new HashMap<>();
        /** The other keys that joined this call. */
        private final List<String> links = new ArrayList<>();
        private LocalDateTime lastEnd;
        /** The second it is listed under in {@link #endingIn}; its entries under any other are stale. */
        private long listedIn = Long.MIN_VALUE;
        /** Whether it is in {@link #open}: not yet handed on nor joined into another. */
        private boolean held = true;

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
