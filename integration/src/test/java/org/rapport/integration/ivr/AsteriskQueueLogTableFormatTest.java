package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** The real queue_log table export: 200 events, 14 queued calls among agent dials and reloads. */
class AsteriskQueueLogTableFormatTest {

    private final IntakeFormat format = TestSources.format("""
            {"name": "pbxware", "kind": "calls", "format": "asterisk-queue-log-table", "timeZone": "America/New_York",
             "customerMatch": "customer-id"}
            """);

    @Test
    void fourteenQueuedCallsAreCorrelatedAndTheRestPassedOver() {
        IntakeBatch batch = readShared(format, "ivr/asterisk_queue_log_table.csv");

        assertThat(batch.quarantined()).isEmpty();
        var calls = records(batch, CallRecord.class);
        assertThat(calls).hasSize(14).allSatisfy(call -> {
            assertThat(call.outcome()).isEqualTo(CallOutcome.ANSWERED);
            assertThat(call.wantedAgent()).isTrue();
        });
        assertThat(calls.stream().mapToInt(CallRecord::talkSeconds).sum()).isEqualTo(3571);
        assertThat(calls.stream().mapToInt(CallRecord::queueSeconds).sum()).isEqualTo(370);
    }

    @Test
    void aCallsTimesComeFromItsUniqueIdAndItsEvents() {
        Map<String, CallRecord> calls = records(readShared(format, "ivr/asterisk_queue_log_table.csv"),
                CallRecord.class).stream().collect(Collectors.toMap(CallRecord::callRef, Function.identity()));

        // line 14: channel created 1543602660 (13:31:00 EST), ENTERQUEUE 17 s later, CONNECT holdtime 76,
        // five agents' rings unanswered on the way, COMPLETECALLER calltime 847
        assertThat(calls.get("1543602660.197")).isEqualTo(new CallRecord(14, "1543602660.197", "55500000001",
                LocalDateTime.of(2018, 11, 30, 13, 31), 17, 76, 847, CallOutcome.ANSWERED, true, 0, 0, null, "phone"));
        // line 175: agent 1128 answers after 6 s and hands the caller on by an attended transfer after 30 s
        assertThat(calls.get("1543833609.335")).extracting(CallRecord::ivrSeconds, CallRecord::queueSeconds,
                CallRecord::talkSeconds, CallRecord::transfers).containsExactly(8, 6, 30, 1);
    }
}
