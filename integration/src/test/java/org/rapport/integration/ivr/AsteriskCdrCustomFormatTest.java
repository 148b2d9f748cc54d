package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.source.SourceDefinitions;
import org.rapport.integration.support.TestSources;

/** The real cdr_custom Master.csv: 14 legs between two extensions, the sample template's 19 columns. */
class AsteriskCdrCustomFormatTest {

    private final IntakeFormat format = TestSources.format("""
            {"name": "pbx-custom", "kind": "calls", "format": "asterisk-cdr-custom", "timeZone": "Indian/Antananarivo"}
            """);

    @Test
    void eachUniqueIdIsACallTimedByItsTimestamps() {
        IntakeBatch batch = readShared(format, "ivr/asterisk_cdr_custom_Master.csv");

        assertThat(batch.quarantined()).isEmpty();
        var calls = records(batch, CallRecord.class);
        assertThat(calls).hasSize(14);
        assertThat(calls.stream().collect(Collectors.groupingBy(CallRecord::outcome, Collectors.counting())))
                .isEqualTo(Map.of(CallOutcome.ANSWERED, 11L, CallOutcome.ABANDONED_IN_QUEUE, 3L));
        // line 1: client1 dials client2 at 01:51:32, answered 01:51:50, ended 01:52:04 (billsec says 13, the clock 14)
        assertThat(calls.get(0)).isEqualTo(new CallRecord(1, "1690325492.2", "client1",
                LocalDateTime.of(2023, 7, 26, 1, 51, 32), 0, 18, 14, CallOutcome.ANSWERED, true, 0, 0, null, "phone"));
        // line 2: client2 rings client1 for 31 s, NO ANSWER
        assertThat(calls.get(1)).extracting(CallRecord::queueSeconds, CallRecord::talkSeconds, CallRecord::outcome)
                .containsExactly(31, 0, CallOutcome.ABANDONED_IN_QUEUE);
    }

    @Test
    void anotherTemplateIsNamedInTheColumnsOptionAndChecked() {
        IntakeFormat custom = TestSources.format("""
                {"name": "pbx-custom", "kind": "calls", "format": "asterisk-cdr-custom", "timeZone": "UTC",
                 "options": {"columns": "uniqueid,src,channel,dstchannel,lastapp,start,end,duration,billsec,disposition"}}
                """);
        IntakeBatch batch = TestSources.read(custom, "\"99.1\",\"555\",\"SIP/a-1\",\"SIP/b-2\",\"Dial\","
                + "\"2024-01-01 10:00:00\",\"2024-01-01 10:01:00\",60,50,\"ANSWERED\"\n");
        assertThat(records(batch, CallRecord.class)).singleElement().extracting(CallRecord::queueSeconds,
                CallRecord::talkSeconds).containsExactly(10, 50);

        var parsed = SourceDefinitions.parse("pbx.json", """
                {"name": "pbx-custom", "kind": "calls", "format": "asterisk-cdr-custom", "timeZone": "UTC",
                 "transport": {"type": "file", "directory": "ivr"},
                 "options": {"columns": "uniqueid,src,start", "correlationMinutes": "0"}}
                """, TestSources.shared(""), FormatCatalog.standard(),
                TestSources.boundaries());
        assertThat(parsed.problems()).extracting(Object::toString).containsExactly("pbx.json: field 'options.columns': "
                + "lacks channel, dstchannel, lastapp, end, duration, billsec, disposition, without which a row is no "
                + "call leg");
    }
}
