package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.lines;
import static org.rapport.integration.support.TestSources.records;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.support.TestSources;

/**
 * A pipe-delimited queue_log written for this test from the documented event formats
 * (../shared/data/README.md): one call of each kind, and the ways a log goes wrong.
 */
class AsteriskQueueLogFormatTest {

    /** 1700000000 is 2023-11-14 22:13:20 UTC. */
    private static final String LOG = lines(
            "1700000000|NONE|NONE|NONE|QUEUESTART|",
            "1700000005|NONE|support|SIP/201|ADDMEMBER|",
            // answered: 20 s of menus (channel created at ...080), 30 s queued, 300 s talking
            "1700000100|1700000080.1|support|NONE|ENTERQUEUE||5551000001|1",
            "1700000110|1700000080.1|support|SIP/201|RINGNOANSWER|10000",
            "1700000130|1700000080.1|support|SIP/202|CONNECT|30|1700000125.2|5",
            // abandoned after 45 s in the queue
            "1700000200|1700000190.3|support|NONE|ENTERQUEUE||5551000002|2",
            "1700000245|1700000190.3|support|NONE|ABANDON|2|2|45",
            // times out of support after 60 s, waits 18 s more in overflow, talks 120 s, is blind-transferred
            "1700000300|1700000270.4|support|NONE|ENTERQUEUE||\"Bob \"\"B\"\"\" <5551000003>|1",
            "1700000360|1700000270.4|support|NONE|EXITWITHTIMEOUT|1|1|60",
            "1700000362|1700000270.4|overflow|NONE|ENTERQUEUE||5551000003|1",
            "1700000380|1700000270.4|overflow|SIP/301|CONNECT|18|1700000370.5|4",
            "1700000430|1700000080.1|support|SIP/202|COMPLETECALLER|30|300|1",
            "1700000500|1700000270.4|overflow|SIP/301|BLINDTRANSFER|2400|sales|18|120|1",
            // leaves the queue with a key after 15 s
            "1700000600|1700000590.6|support|NONE|ENTERQUEUE||5551000004|1",
            "1700000615|1700000590.6|support|NONE|EXITWITHKEY|1|1|1|15",
            // the first call's id again: a duplicate
            "1700000700|1700000080.1|support|NONE|ENTERQUEUE||5551000001|1",
            // a negative holdtime: that line is refused, the call is still answered by its COMPLETEAGENT
            "1700000800|1700000790.7|support|NONE|ENTERQUEUE||5551000005|1",
            "1700000810|1700000790.7|support|SIP/202|CONNECT|-10|1700000805.8|2",
            "1700000900|1700000790.7|support|SIP/202|COMPLETEAGENT|10|90|1",
            // still in the queue when the log was cut, and a truncated last line
            "1700001000|1700000995.9|support|NONE|ENTERQUEUE||5551000006|1",
            "1700001005|1700000995.9|sup");

    private final IntakeFormat format = TestSources.format(TestSources.definition("""
            {"name": "queues", "kind": "calls", "format": "asterisk-queue-log", "timeZone": "UTC",
             "customerMatch": "caller-number"}
            """), CustomerDirectory.of(Map.of(), Map.of("5551000001", "C-1", "5551000003", "C-3")));

    @Test
    void eachCallIsDerivedFromItsEvents() {
        IntakeBatch batch = TestSources.read(format, LOG);

        Map<String, CallRecord> calls = records(batch, CallRecord.class).stream()
                .collect(Collectors.toMap(CallRecord::callRef, Function.identity()));
        assertThat(calls).containsOnlyKeys("1700000080.1", "1700000190.3", "1700000270.4", "1700000590.6",
                "1700000790.7");
        assertThat(calls.get("1700000080.1")).isEqualTo(new CallRecord(3, "1700000080.1", "C-1",
                LocalDateTime.of(2023, 11, 14, 22, 14, 40), 20, 30, 300, CallOutcome.ANSWERED, true, 0, 0, null,
                "phone"));
        assertThat(calls.get("1700000190.3")).extracting(CallRecord::ivrSeconds, CallRecord::queueSeconds,
                CallRecord::outcome).containsExactly(10, 45, CallOutcome.ABANDONED_IN_QUEUE);
        // the caller's name holds quotes; queue_log does not quote, so they are data
        assertThat(calls.get("1700000270.4")).extracting(CallRecord::customerRef, CallRecord::ivrSeconds,
                CallRecord::queueSeconds, CallRecord::talkSeconds, CallRecord::transfers, CallRecord::outcome)
                .containsExactly("C-3", 30, 78, 120, 1, CallOutcome.ANSWERED);
        assertThat(calls.get("1700000590.6")).extracting(CallRecord::queueSeconds, CallRecord::outcome)
                .containsExactly(15, CallOutcome.ABANDONED_IN_QUEUE);
        assertThat(calls.get("1700000790.7")).extracting(CallRecord::queueSeconds, CallRecord::talkSeconds,
                CallRecord::outcome).containsExactly(10, 90, CallOutcome.ANSWERED);
    }

    @Test
    void whatCannotBeACallIsQuarantinedWithItsLine() {
        IntakeBatch batch = TestSources.read(format, LOG);

        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(16L, "callid", "call '1700000080.1' was already given, from line 3: a call id is one call"),
                        tuple(18L, "data1", "'-10' is not a whole number of 0 or more"),
                        tuple(21L, "(record)", "expected at least 5 fields, found 3"),
                        tuple(20L, "callid", "call '1700000995.9' has no ending event in this file (COMPLETEAGENT, "
                                + "COMPLETECALLER, ABANDON, EXIT…, TRANSFER): it was still going on when the log was "
                                + "cut, and is taken from the file that ends it"));
    }

    @Test
    void eventsOfACallThatStartedBeforeTheFileAreQuarantined() {
        IntakeBatch batch = TestSources.read(format, lines(
                "1700000130|1699999999.1|support|SIP/202|CONNECT|30|1700000125.2|5",
                "1700000430|1699999999.1|support|SIP/202|COMPLETECALLER|30|300|1"));

        assertThat(batch.records()).isEmpty();
        assertThat(batch.quarantined()).extracting(QuarantinedRow::reason).containsExactly(
                "call '1699999999.1' has no ENTERQUEUE before this CONNECT in the file: did it start before the log "
                        + "was rotated?",
                "call '1699999999.1' has no ENTERQUEUE before this COMPLETECALLER in the file: did it start before "
                        + "the log was rotated?");
    }
}
