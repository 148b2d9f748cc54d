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
        Group group = open.computeIfAbsent(key, Group::new);
        if (otherGroup != null) {
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
        private final List<CallLeg> legs = new ArrayList<>();
        private final Map<String, CallLeg> lineOfLeg = new HashMap<>();
        /** The other keys that joined this call. */
        private final List<String> links = new ArrayList<>();
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
