package org.rapport.engine.intake;

import java.time.LocalDateTime;

import org.rapport.engine.contact.CallOutcome;

/** One call as a telephony source delivers it, after its events were correlated into one call. */
public record CallRecord(long line, String callRef, String customerRef, LocalDateTime startedAt, int ivrSeconds,
        int queueSeconds, int talkSeconds, CallOutcome outcome, boolean wantedAgent, int transfers,
        int timesReidentified, Boolean agentSawHistory, String channel) implements CanonicalRecord {
}
