package org.rapport.integration.ivr;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.mapping.ReferenceLines;
import org.rapport.integration.source.CustomerMatcher;

/**
 * Correlates the queue_log events of each call (by callid) into one call. Derivations, and why:
 * <ul>
 * <li>Started at: the channel's creation, which Asterisk writes into the uniqueid
 * ({@code [system-]epoch.sequence}); the log itself only sees the call once it enters a queue. When
 * the uniqueid holds no plausible time (later than the ENTERQUEUE, or more than a day before), the
 * ENTERQUEUE time. Epochs become local times of the definition's zone.</li>
 * <li>IVR seconds: from the channel's creation to the first ENTERQUEUE — what the caller spent in
 * menus before asking for a person.</li>
 * <li>Queue seconds: per queue visit, the holdtime CONNECT reports, or the waittime ABANDON and
 * EXIT… report; Asterisk's own counts, because the log's timestamps are whole seconds written at
 * different moments. Without them, the time between the events. A call that times out of one queue
 * into another waits in both.</li>
 * <li>Talk seconds: the calltime COMPLETEAGENT, COMPLETECALLER or a transfer reports.</li>
 * <li>Outcome: answered once an agent connected (or the call completed); otherwise abandoned in the
 * queue — ABANDON, or EXITWITHTIMEOUT/EXITWITHKEY/EXITEMPTY: the caller did not reach a person.
 * Every queued call wanted an agent. Each TRANSFER, BLINDTRANSFER or ATTENDEDTRANSFER is a transfer.</li>
 * </ul>
 * COMPLETE… and ABANDON end a call, which is then given at once. A transfer or an EXIT… may be
 * followed by the same call entering a queue again, so such a call is held until the log has moved
 * on by the correlation window. A call still in a queue or talking when the file ends, an event of a
 * call whose ENTERQUEUE is not in the file, and a call id entering a queue again after its call was
 * given are quarantined, never guessed. Events of no queued call (agent log-ins, queue reloads,
 * outbound dials) are no customer's call and are passed over. Not thread-safe: one per file.
 */
final class QueueLogCallAssembler {

    /** Events that only make sense for a call that entered a queue. */
    private static final Set<String> CALL_EVENTS = Set.of("CONNECT", "COMPLETEAGENT", "COMPLETECALLER", "ABANDON",
            "EXITWITHTIMEOUT", "EXITWITHKEY", "EXITEMPTY", "TRANSFER", "BLINDTRANSFER", "ATTENDEDTRANSFER");
    private static final Pattern UNIQUE_ID = Pattern.compile("(?:.*-)?(\\d{9,})\\.\\d+");
    private static final long DAY = 24 * 60 * 60;

    private final long windowSeconds;
    private final ZoneId zone;
    private final CustomerMatcher matcher;
    private final BatchCollector out;
    private final Map<String, QueuedCall> open = new LinkedHashMap<>();
    /** The calls given so far, by id: a fingerprint and line each, so a long log is not held. */
    private final ReferenceLines given = new ReferenceLines();
    private long latest;

    QueueLogCallAssembler(long windowSeconds, ZoneId zone, CustomerMatcher matcher, BatchCollector out) {
        this.windowSeconds = windowSeconds;
        this.zone = zone;
        this.matcher = matcher;
        this.out = out;
    }

    /**
     * Takes one event.
     *
     * @throws BadFieldException when the event cannot belong to a call: it is quarantined
     */
    void add(QueueEvent event) throws BadFieldException {
        if (event.time() > latest) {
            latest = event.time();
            emitLeftCallsQuietSince(latest - windowSeconds);
        }
        QueuedCall call = open.get(event.callId());
        if (event.event().equals("ENTERQUEUE")) {
            enter(event, call);
        } else if (CALL_EVENTS.contains(event.event())) {
            if (call == null) {
                throw orphan(event);
            }
            call.take(event);
            if (call.state == QueuedCall.State.ENDED) {
                open.remove(call.callId);
                emit(call);
            }
        }
    }

    /** The file has ended: calls that left a queue are given, calls still going on are quarantined. */
    void finish() {
        for (QueuedCall call : open.values()) {
            if (call.state == QueuedCall.State.LEFT) {
                emit(call);
            } else {
                out.quarantine(new QuarantinedRow(call.firstLine, "callid", "call '" + call.callId + "' has no ending "
                        + "event in this file (COMPLETEAGENT, COMPLETECALLER, ABANDON, EXIT…, TRANSFER): it was still "
                        + "going on when the log was cut, and is taken from the file that ends it", call.firstText));
            }
        }
        open.clear();
    }

    private void enter(QueueEvent event, QueuedCall call) throws BadFieldException {
        if (call == null) {
            long earlier = given.lineOf(event.callId());
            if (earlier >= 0) {
                throw new BadFieldException("callid", "call '" + event.callId() + "' was already given, from line "
                        + earlier + ": a call id is one call");
            }
            open.put(event.callId(), new QueuedCall(event));
        } else if (call.state == QueuedCall.State.LEFT) {
            call.reenter(event);
        } else {
            throw new BadFieldException("callid", "call '" + event.callId() + "' enters a queue while it is still in "
                    + "one or talking, since line " + call.firstLine);
        }
    }

    private BadFieldException orphan(QueueEvent event) {
        long earlier = given.lineOf(event.callId());
        return new BadFieldException("callid", earlier >= 0
                ? "call '" + event.callId() + "' already ended, its call from line " + earlier + " was given"
                : "call '" + event.callId() + "' has no ENTERQUEUE before this " + event.event()
                        + " in the file: did it start before the log was rotated?");
    }

    private void emitLeftCallsQuietSince(long threshold) {
        for (Iterator<QueuedCall> calls = open.values().iterator(); calls.hasNext();) {
            QueuedCall call = calls.next();
            if (call.state == QueuedCall.State.LEFT && call.lastTime < threshold) {
                calls.remove();
                emit(call);
            }
        }
    }

    private void emit(QueuedCall call) {
        given.putIfAbsent(call.callId, call.firstLine);
        long created = createdAt(call.callId, call.firstEnter);
        LocalDateTime startedAt = LocalDateTime.ofInstant(Instant.ofEpochSecond(created), zone);
        out.add(new CallRecord(call.firstLine, call.callId, matcher.customerRef(call.callerId), startedAt,
                (int) (call.firstEnter - created), call.queueSeconds, call.talkSeconds,
                call.answered ? CallOutcome.ANSWERED : CallOutcome.ABANDONED_IN_QUEUE, true, call.transfers, 0, null,
                "phone"));
    }

    /** The channel's creation time from its uniqueid, when plausible. */
    static long createdAt(String callId, long entered) {
        Matcher matcher = UNIQUE_ID.matcher(callId);
        if (matcher.matches()) {
            long created = Long.parseLong(matcher.group(1));
            if (created <= entered && entered - created <= DAY) {
                return created;
            }
        }
        return entered;
    }
}
