package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** One real day of the Anonymous Bank call centre: 1,567 rows. */
class AnonymousBankCallFormatTest {

    private static final String DAY = "ivr/anonymous_bank_1999-02-01.tsv";
    private static final String HEADER = "vru+line\tcall_id\tcustomer_id\tpriority\ttype\tdate\tvru_entry\tvru_exit\t"
            + "vru_time\tq_start\tq_exit\tq_time\toutcome\tser_start\tser_exit\tser_time\tserver";

    private final IntakeFormat format = TestSources.format("""
            {"name": "bank", "kind": "calls", "format": "anonymous-bank", "timeZone": "Asia/Jerusalem",
             "charset": "US-ASCII"}
            """);

    @Test
    void everyRealCallIsKeptPhantomsAndNegativeTimesAreQuarantined() {
        IntakeBatch batch = readShared(format, DAY);

        var calls = records(batch, CallRecord.class);
        assertThat(calls).hasSize(1547);
        assertThat(calls.stream().collect(Collectors.groupingBy(CallRecord::outcome, Collectors.counting())))
                .isEqualTo(Map.of(CallOutcome.ANSWERED, 1350L, CallOutcome.ABANDONED_IN_QUEUE, 145L,
                        CallOutcome.ABANDONED_IN_IVR, 52L));
        assertThat(batch.quarantined()).hasSize(20);
        assertThat(batch.quarantined()).filteredOn(row -> row.field().equals("outcome")).hasSize(16);
        assertThat(batch.quarantined()).filteredOn(row -> row.field().equals("vru_time"))
                .extracting(QuarantinedRow::line, QuarantinedRow::reason).contains(
                        tuple(195L, "'-50' is negative: the exit (17:11:29) is logged before the entry (17:12:19)"));
    }

    @Test
    void aCallKeepsTheSwitchsOwnSecondsAndItsCentury() {
        var calls = records(readShared(format, DAY), CallRecord.class);

        // line 6: customer 48178511, 5 s in the VRU, 34 s queued, 104 s with MICHAL
        assertThat(calls).filteredOn(call -> call.callRef().equals("AA0101/34540")).singleElement().isEqualTo(
                new CallRecord(6, "AA0101/34540", "48178511", LocalDateTime.of(1999, 2, 1, 8, 19, 42), 5, 34, 104,
                        CallOutcome.ANSWERED, true, 0, 0, null, "phone"));
        // line 2: customer_id 0 is an unidentified caller, kept
        assertThat(calls.get(0)).extracting(CallRecord::callRef, CallRecord::customerRef).containsExactly("AA0101/34536",
                null);
        // call id 5465 is on two VRU lines: two calls
        assertThat(calls).filteredOn(call -> call.callRef().endsWith("/5465")).hasSize(2);
    }

    @Test
    void aDuplicateCallAWrongDateAndAnUndecodableByteCostOnlyTheirRows() {
        String good = "AA0101\t34540\t48178511\t2\tPS\t990201\t8:19:42\t8:19:47\t5\t8:19:47\t8:20:21\t34\tAGENT\t"
                + "8:20:20\t8:22:04\t104\tMICHAL";
        byte[] file = (HEADER + "\r\n" + good + "\r\n" + good + "\r\n"
                + good.replace("34540", "34541").replace("990201", "1999-02-01") + "\r\n"
                + good.replace("34540", "34542").replace("48178511", "4817\u00e98511") + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);

        IntakeBatch batch = TestSources.read(format, file);

        assertThat(batch.records()).hasSize(1);
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(3L, "call_id", "'AA0101/34540' was already given at line 2: a call is counted once"),
                        tuple(4L, "date + vru_entry", "'1999-02-01 8:19:42' is not a date and time (YYMMDD H:mm:ss)"),
                        tuple(5L, "customer_id", "'4817\uFFFD8511' holds bytes that are not US-ASCII text (shown as "
                                + "\uFFFD): is the definition's charset right?"));
    }
}
