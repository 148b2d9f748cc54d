package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
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
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** The real mod_cdr_csv file: 10 rows re-saved by a spreadsheet, the last three for one uuid. */
class FreeSwitchCdrCsvFormatTest {

    private final IntakeFormat format = TestSources.format("""
            {"name": "freeswitch", "kind": "calls", "format": "freeswitch-cdr-csv", "timeZone": "Asia/Shanghai",
             // four-digit destinations are extensions, i.e. people; "&" is an application of the switch
             "options": {"agentDestinations": "\\\\d{4}"}}
            """);

    @Test
    void minuteDatesAreTimedByDurationAndRepeatedUuidsQuarantined() {
        IntakeBatch batch = readShared(format, "ivr/freeswitch_cdr_csv_Master.csv");

        Map<String, CallRecord> calls = records(batch, CallRecord.class).stream()
                .collect(Collectors.toMap(CallRecord::callRef, Function.identity()));
        assertThat(calls).hasSize(8);
        // line 7: 1002 calls extension 1004 at 2020/2/11 11:05; 43 s in all, 32 of them talking
        assertThat(calls.get("559758f2-4c7b-11ea-b071-2bfc2a06d67d")).isEqualTo(new CallRecord(7,
                "559758f2-4c7b-11ea-b071-2bfc2a06d67d", "1002", LocalDateTime.of(2020, 2, 11, 11, 5), 0, 11, 32,
                CallOutcome.ANSWERED, true, 0, 0, null, "phone"));
        // line 1: an application of the switch answered for 9 of 11 s
        assertThat(calls.get("d80e22e0-4c15-11ea-97a0-9dd79410affb")).extracting(CallRecord::ivrSeconds,
                CallRecord::outcome, CallRecord::wantedAgent).containsExactly(11, CallOutcome.SELF_SERVED, false);
        // line 3: extension 1002 rang for 2 s, nobody answered
        assertThat(calls.get("f1542038-4c15-11ea-97ca-9dd79410affb")).extracting(CallRecord::queueSeconds,
                CallRecord::outcome).containsExactly(2, CallOutcome.ABANDONED_IN_QUEUE);
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(9L, "uuid", "repeats line 8 exactly: a leg is counted once"),
                        tuple(10L, "uuid", "'7adced1a-4c7c-11ea-b08c-2bfc2a06d67d' is the leg of line 8 again, with "
                                + "other values: the first is kept"));
    }

    @Test
    void anALegAndItsBLegAreOneCall() {
        IntakeBatch batch = TestSources.read(format, String.join("\n",
                "Ann,5551234,1004,default,2024-02-01 10:00:00,2024-02-01 10:00:10,2024-02-01 10:02:10,130,120,"
                        + "NORMAL_CLEARING,a-leg-1,b-leg-1,,PCMU,PCMU",
                "Ann,5551234,1004,default,2024-02-01 10:00:02,2024-02-01 10:00:10,2024-02-01 10:02:10,128,120,"
                        + "NORMAL_CLEARING,b-leg-1,,,PCMU,PCMU") + "\n");

        assertThat(records(batch, CallRecord.class)).singleElement().extracting(CallRecord::callRef,
                CallRecord::queueSeconds, CallRecord::talkSeconds).containsExactly("a-leg-1", 10, 120);
    }
}
