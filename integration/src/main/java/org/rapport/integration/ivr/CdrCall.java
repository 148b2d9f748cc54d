package org.rapport.integration.ivr;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;

/**
 * Derives one call from its CDR legs. A CDR knows when each leg started, was answered and ended,
 * but nothing of IVR menus or queues, so the derivation reads them from the legs' shape:
 * <ul>
 * <li>Until the first leg that rings a person, the caller was with the IVR: ivr seconds run from
 * the call's start to that leg's start. A call in which no leg rings a person spent its whole
 * length in the IVR and did not want an agent.</li>
 * <li>While legs ring people and nobody answers, the caller waits: queue seconds run from the first
 * ringing leg to the first answer, or — nobody answering — to the end of the last ringing leg.
 * Parallel and sequential ringing (ring groups, follow-me) thus count once, as the caller lived it.</li>
 * <li>Talk seconds run from the first answer to the end of the last answered leg, so the halves of
 * a bridge recorded as two legs are not counted twice.</li>
 * <li>Each further person who answered is a transfer.</li>
 * <li>Outcome: answered when a person answered; abandoned in the queue when people were rung but
 * none answered (whether the caller gave up or the PBX did, the caller did not reach a human);
 * otherwise self-served when the PBX ended the call itself, abandoned in the IVR when the caller
 * hung up on it.</li>
 * </ul>
 * The caller is the first leg that is not dialplan plumbing. Repeated identification and whether
 * the agent saw the history are not in a CDR: 0 and unknown.
 */
final class CdrCall {

    private static final String CHANNEL = "phone";

    private CdrCall() {
    }

    static CallRecord derive(String callRef, List<CallLeg> legs) {
        // one pass over the legs (a call is derived for every two lines of a month's CDRs)
        CallLeg first = null;
        CallLeg caller = null;
        CallLeg last = null;
        LocalDateTime start = null;
        LocalDateTime firstRing = null;
        LocalDateTime lastRing = null;
        LocalDateTime firstAnswer = null;
        LocalDateTime lastEnd = null;
        Set<String> people = new HashSet<>(2);
        for (CallLeg leg : legs) {
            if (first == null || leg.line() < first.line()) {
                first = leg;
            }
            if (!leg.local() && (caller == null || startsBefore(leg, caller))) {
                caller = leg;
            }
            if (last == null || endsAfter(leg, last)) {
                last = leg;
            }
            start = earlier(start, leg.start());
            if (leg.ringsAgent()) {
                firstRing = earlier(firstRing, leg.start());
                lastRing = later(lastRing, leg.end());
                if (leg.answered()) {
                    firstAnswer = earlier(firstAnswer, leg.answer());
                    lastEnd = later(lastEnd, leg.end());
                    people.add(leg.agentChannel());
                }
            }
        }
        if (first == null) {
            throw new IllegalArgumentException("call '" + callRef + "' has no legs");
        }
        String customerRef = (caller == null ? first : caller).customerRef();
        if (firstRing == null) {
            return new CallRecord(first.line(), callRef, customerRef, start, seconds(start, last.end()), 0, 0,
                    last.endedByPbx() ? CallOutcome.SELF_SERVED : CallOutcome.ABANDONED_IN_IVR, false, 0, 0, null,
                    CHANNEL);
        }
        if (firstAnswer == null) {
            return new CallRecord(first.line(), callRef, customerRef, start, seconds(start, firstRing),
                    seconds(firstRing, lastRing), 0, CallOutcome.ABANDONED_IN_QUEUE, true, 0, 0, null, CHANNEL);
        }
        return new CallRecord(first.line(), callRef, customerRef, start, seconds(start, firstRing),
                seconds(firstRing, firstAnswer), seconds(firstAnswer, lastEnd), CallOutcome.ANSWERED, true,
                people.size() - 1, 0, null, CHANNEL);
    }

    /** Started before, or at the same time on an earlier line. */
    private static boolean startsBefore(CallLeg leg, CallLeg other) {
        int byStart = leg.start().compareTo(other.start());
        return byStart < 0 || byStart == 0 && leg.line() < other.line();
    }

    /** Ended after, or at the same time on a later line. */
    private static boolean endsAfter(CallLeg leg, CallLeg other) {
        int byEnd = leg.end().compareTo(other.end());
        return byEnd > 0 || byEnd == 0 && leg.line() > other.line();
    }

    private static LocalDateTime earlier(LocalDateTime so, LocalDateTime time) {
        return so == null || time.isBefore(so) ? time : so;
    }

    private static LocalDateTime later(LocalDateTime so, LocalDateTime time) {
        return so == null || time.isAfter(so) ? time : so;
    }

    private static int seconds(LocalDateTime from, LocalDateTime to) {
        return (int) Math.max(0, Duration.between(from, to).getSeconds());
    }
}
