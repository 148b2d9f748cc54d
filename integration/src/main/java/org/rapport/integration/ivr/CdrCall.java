package org.rapport.integration.ivr;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

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
        CallLeg first = legs.stream().min(Comparator.comparing(CallLeg::line)).orElseThrow();
        CallLeg caller = legs.stream().filter(leg -> !leg.local())
                .min(Comparator.comparing(CallLeg::start).thenComparing(CallLeg::line)).orElse(first);
        LocalDateTime start = legs.stream().map(CallLeg::start).min(Comparator.naturalOrder()).orElseThrow();
        List<CallLeg> ringing = legs.stream().filter(CallLeg::ringsAgent).toList();
        if (ringing.isEmpty()) {
            CallLeg last = legs.stream().max(Comparator.comparing(CallLeg::end).thenComparing(CallLeg::line)).orElseThrow();
            return new CallRecord(first.line(), callRef, caller.customerRef(), start, seconds(start, last.end()), 0, 0,
                    last.endedByPbx() ? CallOutcome.SELF_SERVED : CallOutcome.ABANDONED_IN_IVR, false, 0, 0, null,
                    CHANNEL);
        }
        LocalDateTime firstRing = ringing.stream().map(CallLeg::start).min(Comparator.naturalOrder()).orElseThrow();
        List<CallLeg> answered = ringing.stream().filter(CallLeg::answered).toList();
        if (answered.isEmpty()) {
            LocalDateTime lastRing = ringing.stream().map(CallLeg::end).max(Comparator.naturalOrder()).orElseThrow();
            return new CallRecord(first.line(), callRef, caller.customerRef(), start, seconds(start, firstRing),
                    seconds(firstRing, lastRing), 0, CallOutcome.ABANDONED_IN_QUEUE, true, 0, 0, null, CHANNEL);
        }
        LocalDateTime firstAnswer = answered.stream().map(CallLeg::answer).min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime lastEnd = answered.stream().map(CallLeg::end).max(Comparator.naturalOrder()).orElseThrow();
        int people = (int) answered.stream().map(CallLeg::agentChannel).distinct().count();
        return new CallRecord(first.line(), callRef, caller.customerRef(), start, seconds(start, firstRing),
                seconds(firstRing, firstAnswer), seconds(firstAnswer, lastEnd), CallOutcome.ANSWERED, true, people - 1, 0,
                null, CHANNEL);
    }

    private static int seconds(LocalDateTime from, LocalDateTime to) {
        return (int) Math.max(0, Duration.between(from, to).getSeconds());
    }
}
