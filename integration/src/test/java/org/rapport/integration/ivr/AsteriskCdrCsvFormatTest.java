package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CollectedRows;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.csv.DelimitedReader;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.RowSink;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.support.TestSources;

/** The real 21-column Master.csv (84 legs, windows-1251) and a hand-written 16-column one. */
class AsteriskCdrCsvFormatTest {

    private static final String MASTER = "ivr/asterisk_cdr_csv_Master.csv";
    private static final String DEFINITION = """
            {"name": "pbx", "kind": "calls", "format": "asterisk-cdr-csv", "timeZone": "Europe/Moscow",
             "charset": "windows-1251", "customerMatch": "caller-number"}
            """;

    private final IntakeFormat format = TestSources.format(TestSources.definition(DEFINITION),
            CustomerDirectory.of(Map.of(), Map.of("55500000004", "C-4")));

    @Test
    void eightyFourLegsAreThirtySixCallsCorrelatedByLinkedId() {
        IntakeBatch batch = readShared(format, MASTER);

        assertThat(batch.quarantined()).isEmpty();
        var calls = records(batch, CallRecord.class);
        assertThat(calls).hasSize(36);
        assertThat(calls.stream().collect(Collectors.groupingBy(CallRecord::outcome, Collectors.counting())))
                .isEqualTo(Map.of(CallOutcome.ANSWERED, 24L, CallOutcome.SELF_SERVED, 6L,
                        CallOutcome.ABANDONED_IN_QUEUE, 6L));
        assertThat(calls.stream().mapToInt(CallRecord::talkSeconds).sum()).isEqualTo(800);
    }

    @Test
    void aCallRungThroughLocalChannelsCountsTheWaitAndTheTalkOnce() {
        Map<String, CallRecord> calls = byRef(readShared(format, MASTER));

        // lines 22-26: three Local channels ring extension 301 at 02:04:06, it answers at 02:04:12, hangs up at 02:04:29
        assertThat(calls.get("1706407446.50")).isEqualTo(new CallRecord(22, "1706407446.50", "C-4",
                LocalDateTime.of(2024, 1, 28, 2, 4, 6), 0, 6, 17, CallOutcome.ANSWERED, true, 0, 0, null, "phone"));
        // lines 4-6: 301 and a trunk ring for 60 s, nobody answers, the dialplan hangs up
        assertThat(calls.get("1706369600.6")).extracting(CallRecord::queueSeconds, CallRecord::outcome,
                CallRecord::customerRef).containsExactly(60, CallOutcome.ABANDONED_IN_QUEUE, null);
        // line 1: answered by the dialplan, 27 s, ended by its Hangup: the IVR served the caller
        assertThat(calls.get("1706368044.0")).extracting(CallRecord::ivrSeconds, CallRecord::outcome,
                CallRecord::wantedAgent).containsExactly(27, CallOutcome.SELF_SERVED, false);
    }

    @Test
    void theFileIsWindows1251AndReadAsUtf8ItsOddBytesAreReplacedNotFatal() throws IOException {
        assertThat(replacedCharacters(Charset.forName("windows-1251"))).isZero();
        // "5550000008ҐҐb": two bytes 0xA5 in the caller-id names of 8 legs
        assertThat(replacedCharacters(StandardCharsets.UTF_8)).isEqualTo(16);

        IntakeFormat utf8 = TestSources.format(DEFINITION.replace("windows-1251", "UTF-8"));
        // the replaced bytes are in clid, which no call field is taken from: every call is still there
        assertThat(readShared(utf8, MASTER).records()).hasSize(36);
    }

    @Test
    void theSixteenColumnDefaultGivesOneCallPerCallerChannel() {
        IntakeBatch batch = TestSources.read(format, String.join("\r\n",
                "\"\",\"55500000004\",\"2000\",\"from-pstn\",\"\"\"Ann\"\" <55500000004>\",\"SIP/trunk-00000001\","
                        + "\"SIP/2000-00000002\",\"Dial\",\"SIP/2000,30\",\"2024-03-01 09:00:00\",\"2024-03-01 09:00:07\","
                        + "\"2024-03-01 09:02:07\",127,120,\"ANSWERED\",\"DOCUMENTATION\"",
                "\"\",\"55500000009\",\"s\",\"ivr-main\",\"\",\"SIP/trunk-00000003\",\"\",\"Playback\",\"menu\","
                        + "\"2024-03-01 09:05:00\",\"2024-03-01 09:05:01\",\"2024-03-01 09:05:31\",31,30,\"ANSWERED\","
                        + "\"DOCUMENTATION\"",
                "\"\",\"55500000009\",\"s\",\"ivr-main\",\"\",\"SIP/trunk-00000004\",\"\",\"Playback\",\"menu\","
                        + "\"2024-03-01 09:06:00\",\"2024-03-01 09:06:01\",\"2024-03-01 09:05:31\",-29,30,\"ANSWERED\","
                        + "\"DOCUMENTATION\"",
                "\"\",\"55500000009\",\"s\",\"ivr-main\",\"\",\"SIP/trunk-00000005\",\"\",\"Playback\"") + "\r\n");

        assertThat(records(batch, CallRecord.class)).containsExactly(
                new CallRecord(1, "SIP/trunk-00000001@2024-03-01T09:00", "C-4", LocalDateTime.of(2024, 3, 1, 9, 0),
                        0, 7, 120, CallOutcome.ANSWERED, true, 0, 0, null, "phone"),
                new CallRecord(2, "SIP/trunk-00000003@2024-03-01T09:05", null, LocalDateTime.of(2024, 3, 1, 9, 5),
                        31, 0, 0, CallOutcome.ABANDONED_IN_IVR, false, 0, 0, null, "phone"));
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(3L, "duration", "'-29' is not a whole number of 0 or more"),
                        tuple(4L, "(record)", "expected 16, 18 or 21 fields, found 8"));
    }

    @Test
    void aLegDeliveredTwiceIsQuarantinedAndTheCallCountedOnce() throws IOException {
        String first = Files.readAllLines(TestSources.shared("ivr").resolve("asterisk_cdr_csv_Master.csv"),
                Charset.forName("windows-1251")).get(21);

        IntakeBatch batch = TestSources.read(format, (first + "\n" + first + "\n").getBytes(Charset.forName("windows-1251")));

        assertThat(batch.records()).hasSize(1);
        assertThat(batch.quarantined()).singleElement().extracting(QuarantinedRow::line, QuarantinedRow::field,
                QuarantinedRow::reason).containsExactly(2L, "uniqueid + sequence",
                        "repeats line 1 exactly: a leg is counted once");
    }

    private static long replacedCharacters(Charset charset) throws IOException {
        DelimitedReader reader = new DelimitedReader(charset, AsteriskCdrCsvFormat.layout());
        try (InputStream content = Files.newInputStream(TestSources.shared("ivr").resolve("asterisk_cdr_csv_Master.csv"))) {
            return reader.read("Master.csv", content, new RowSink() {
                @Override
                public void row(DelimitedRow row, BatchCollector out) {
                    // only the decoding is looked at
                }
            }, new CollectedRows()).replaced();
        }
    }

    private static Map<String, CallRecord> byRef(IntakeBatch batch) {
        return records(batch, CallRecord.class).stream().collect(Collectors.toMap(CallRecord::callRef,
                Function.identity()));
    }
}
