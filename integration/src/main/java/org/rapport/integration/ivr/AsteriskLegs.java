package org.rapport.integration.ivr;

import java.time.LocalDateTime;

import org.rapport.integration.canonical.Lengths;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.FieldRow;

/**
 * Reads an Asterisk CDR row ({@code cdr_csv} or {@code cdr_custom}) as a call leg, by column name.
 * The legs of a call share {@code linkedid}; without it (older or trimmed layouts) a leg's
 * {@code uniqueid} is all there is, and without that the caller's channel. A leg rings a person when
 * its destination channel is a real one: {@code Local/} channels are the dialplan talking to itself,
 * and their other half records the real ringing. The start, answer and end timestamps are used as
 * written: Asterisk truncates {@code duration} and {@code billsec} on their own, so they can
 * disagree with the timestamps by a second; they only stand in for a missing end.
 */
final class AsteriskLegs {

    private static final int LONGEST_FIELD = 256;

    private AsteriskLegs() {
    }

    static CallLeg leg(FieldRow row, DelimitedRow raw) throws BadFieldException {
        Columns columns = raw.columns();
        LocalDateTime start = row.dateTime("start");
        LocalDateTime answer = row.optionalDateTime("answer");
        LocalDateTime end = row.optionalDateTime("end");
        int duration = row.wholeNumber("duration", 0, Integer.MAX_VALUE);
        int billsec = row.wholeNumber("billsec", 0, Integer.MAX_VALUE);
        if (end == null) {
            end = start.plusSeconds(duration);
        }
        if (end.isBefore(start)) {
            throw new BadFieldException("end", "'" + end + "' is before start '" + start + "': a call ends after it starts");
        }
        if (answer != null && (answer.isBefore(start) || answer.isAfter(end))) {
            throw new BadFieldException("answer", "'" + answer + "' is not between start and end");
        }
        String channel = row.optionalText("channel", LONGEST_FIELD);
        String dstChannel = row.optionalText("dstchannel", LONGEST_FIELD);
        boolean answered = "ANSWERED".equalsIgnoreCase(row.optionalText("disposition", LONGEST_FIELD));
        if (answered && answer == null) {
            answer = end.minusSeconds(billsec);
        }
        String uniqueId = columns.has("uniqueid") ? row.optionalText("uniqueid", Lengths.REFERENCE) : null;
        String linkedId = columns.has("linkedid") ? row.optionalText("linkedid", Lengths.REFERENCE) : null;
        String sequence = columns.has("sequence") ? row.optionalText("sequence", Lengths.REFERENCE) : null;
        String group = linkedId != null ? linkedId : uniqueId != null ? uniqueId : channel + "@" + start;
        String legKey = uniqueId != null && sequence != null ? uniqueId + "/" + sequence
                : (uniqueId != null ? uniqueId : channel) + "/" + start + "/" + dstChannel;
        String legKeyField = uniqueId != null && sequence != null ? "uniqueid + sequence" : "channel + start";
        boolean ringsAgent = dstChannel != null && !isLocal(dstChannel);
        return new CallLeg(raw.line(), raw::text, legKey, legKeyField, group, null, row.optionalText("customer_id",
                Lengths.REFERENCE), isLocal(channel), start, answer, end, ringsAgent, ringsAgent && answered,
                dstChannel, "Hangup".equalsIgnoreCase(row.optionalText("lastapp", LONGEST_FIELD)));
    }

    private static boolean isLocal(String channel) {
        return channel != null && channel.regionMatches(true, 0, "Local/", 0, "Local/".length());
    }
}
