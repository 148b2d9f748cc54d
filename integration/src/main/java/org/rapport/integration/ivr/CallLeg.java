package org.rapport.integration.ivr;

import java.time.LocalDateTime;
import java.util.function.Supplier;

/**
 * One leg of a call as a CDR row records it, reduced to what correlating and deriving a call needs.
 *
 * @param line         the row's line
 * @param delivered    the row as delivered, for quarantine: written back only when a leg is quarantined or compared
 *                     with a repeat of it (writing every row back was an eighth of the CPU of a CDR file's intake
 *                     thread in a profile of the month benchmark)
 * @param legKey       what identifies this leg; a second row with it is a duplicate
 * @param legKeyField  the column(s) the leg key comes from, for messages
 * @param groupKey     the legs of one call share it (Asterisk's linkedid, a FreeSWITCH uuid)
 * @param linkKey      another leg's group key that belongs to the same call (a FreeSWITCH b-leg), or null
 * @param customerRef  the matched customer, or null
 * @param local        whether this leg is dialplan plumbing (an Asterisk Local channel half)
 * @param start        when the leg began
 * @param answer       when it was answered, or null
 * @param end          when it ended
 * @param ringsAgent   whether the leg rang a person (an agent or an extension), rather than the IVR
 * @param answered     whether that person answered
 * @param agentChannel the channel or number that was rung, to tell one agent from the next (transfers)
 * @param endedByPbx   whether the PBX itself ended the call (Asterisk's Hangup application), so the
 *                     caller heard the IVR out rather than hanging up on it
 */
record CallLeg(long line, Supplier<String> delivered, String legKey, String legKeyField, String groupKey, String linkKey,
        String customerRef, boolean local, LocalDateTime start, LocalDateTime answer, LocalDateTime end,
        boolean ringsAgent, boolean answered, String agentChannel, boolean endedByPbx) {

    /** The row as delivered. */
    String text() {
        return delivered.get();
    }
}
