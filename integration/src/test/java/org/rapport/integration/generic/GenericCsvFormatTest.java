package org.rapport.integration.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.lines;
import static org.rapport.integration.support.TestSources.read;
import static org.rapport.integration.support.TestSources.records;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.PurchaseRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** A CSV of any shape mapped field by field, and what becomes of bad input. */
class GenericCsvFormatTest {

    /** An IVR export: its own column names, outcomes in its own words, day-first dates. */
    private static final String IVR = """
            {"name": "ivr", "kind": "calls", "format": "generic-csv", "timeZone": "Europe/London",
             "options": {"delimiter": ";", "dateTimeFormat": "dd/MM/yyyy HH:mm:ss"},
             "fields": {"call_id": "Call", "customer_id": "Account", "started_at": ["Date", "Time"],
                        "ivr_seconds": "IVR", "queue_seconds": "Queue", "talk_seconds": "Talk",
                        "outcome": "Result", "wanted_agent": "Agent?", "transfers": {"constant": "0"},
                        "times_reidentified": {"constant": "0"}},
             "values": {"outcome": {"Served": "answered", "Gave up": "abandoned_in_queue", "Menu": "self_served"}}}
            """;
    private static final String HEADER = "Call;Account;Date;Time;IVR;Queue;Talk;Result;Agent?;Note";

    private final IntakeFormat format = TestSources.format(IVR);

    @Test
    void columnsAndWordsAreMappedAsTheDefinitionSays() {
        IntakeBatch batch = read(format, lines(HEADER,
                "K-1;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;",
                "K-2;;01/10/2026;08:16:30;300;0;0;Menu;no;\"a note\nover two lines\""));

        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, CallRecord.class)).containsExactly(
                new CallRecord(2, "K-1", "C-7", LocalDateTime.of(2026, 10, 1, 8, 15), 95, 240, 410,
                        CallOutcome.ANSWERED, true, 0, 0, null, null),
                new CallRecord(3, "K-2", null, LocalDateTime.of(2026, 10, 1, 8, 16, 30), 300, 0, 0,
                        CallOutcome.SELF_SERVED, false, 0, 0, null, null));
    }

    @Test
    void badRowsAreQuarantinedWithTheSourceColumnAndTheGoodRowsKept() {
        IntakeBatch batch = read(format, lines(HEADER,
                "K-1;C-7;2026-10-01;08:15:00;95;240;410;Served;yes;",
                "K-2;C-7;01/10/2026;08:15:00;-5;240;410;Served;yes;",
                "K-3;C-7;01/10/2026;08:15:00;95;240;410;Hung up;yes;",
                "K-4;C-7;01/10/2026;08:15:00;95;240;410;Served;yes",
                "K-5;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;;extra",
                "K-6;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;",
                "K-6;C-8;02/10/2026;09:00:00;5;0;0;Menu;no;"));

        assertThat(records(batch, CallRecord.class)).extracting(CallRecord::callRef).containsExactly("K-6");
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(2L, "Date + Time", "'2026-10-01 08:15:00' is not a date and time (dd/MM/yyyy HH:mm:ss)"),
                        tuple(3L, "IVR", "'-5' is not a whole number of 0 or more"),
                        tuple(4L, "Result", "'Hung up' is not one of self_served, abandoned_in_ivr, abandoned_in_queue, "
                                + "answered, nor one of the words the definition maps for outcome: gave up, menu, served"),
                        tuple(5L, "(record)", "expected 10 fields, found 9"),
                        tuple(6L, "(record)", "expected 10 fields, found 11"),
                        tuple(8L, "call_id", "'K-6' was already given at line 7: a call is counted once"));
        assertThat(batch.quarantined().get(3).rawText()).isEqualTo("K-4;C-7;01/10/2026;08:15:00;95;240;410;Served;yes");
    }

    @Test
    void aQuoteNeverClosedQuarantinesTheRestOfTheFileAndKeepsTheRowsBeforeIt() {
        IntakeBatch batch = read(format, HEADER + "\n"
                + "K-1;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;\n"
                + "K-2;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;\"a note never closed\n");

        assertThat(records(batch, CallRecord.class)).extracting(CallRecord::callRef).containsExactly("K-1");
        assertThat(batch.quarantined()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.reason()).startsWith("not valid CSV from here to the end of the file (1 line), e.g. a quote "
                    + "that is never closed in a truncated last line");
            assertThat(row.rawText()).isEqualTo("K-2;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;\"a note never closed");
        });
    }

    @Test
    void aFileCutOffMidRowIsRefusedWholeNamingTheLine() {
        IntakeBatch batch = read(format, HEADER + "\n"
                + "K-1;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;\n"
                + "K-2;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;\"a note cut o");

        assertThat(batch.isRejected()).isTrue();
        assertThat(batch.records()).isEmpty();
        assertThat(batch.rejection()).startsWith("line 3").contains("the file ends inside line 3, which has no line end"
                + " and does not fit").contains("cut off");
    }

    @Test
    void aLastRowCutOffBeforeItsLastFieldsIsRefusedWhole() {
        IntakeBatch batch = read(format, HEADER + "\n"
                + "K-1;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;\n"
                + "K-2;C-7;01/10/2026;08:1");

        assertThat(batch.isRejected()).isTrue();
        assertThat(batch.rejection()).startsWith("line 3").contains("expected 10 fields, found 4").contains("cut off");
    }

    @Test
    void aWrongDelimiterRejectsTheFileAndSaysSo() {
        IntakeBatch batch = read(format, lines(HEADER.replace(';', ','),
                "K-1,C-7,01/10/2026,08:15:00,95,240,410,Served,yes,"));

        assertThat(batch.rejection()).isEqualTo("line 1, field Call: the header has no column 'Call' (mapped to call_id) "
                + "(the row holds ',' but this source is split on ';': is the delimiter right?)");
    }

    @Test
    void aByteOrderMarkIsDropped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = lines(HEADER, "K-1;C-7;01/10/2026;08:15:00;95;240;410;Served;yes;")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);

        assertThat(read(format, file).records()).hasSize(1);
    }

    @Test
    void emptyZeroByteAndNonTextFilesAreRejectedWithTheirReason() {
        assertThat(read(format, new byte[0]).rejection()).isEqualTo("line 1, field (record): file is empty: no header row");
        assertThat(read(format, " \n\n").rejection()).isEqualTo("line 1, field (record): file is empty: no header row");
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        assertThat(read(format, zip).rejection())
                .isEqualTo("line 1, field (record): not text: the control character U+0003 (binary data) at line 1");
    }

    @Test
    void aFileWithoutARequiredColumnAndNoMappingForItIsRejected() {
        IntakeFormat purchases = TestSources.format("""
                {"name": "shop", "kind": "purchases", "format": "generic-csv", "timeZone": "UTC",
                 "fields": {"customer_id": "Customer"}}
                """);

        assertThat(read(purchases, lines("Customer,amount", "C-1,10.00")).rejection()).isEqualTo(
                "line 1, field purchased_on: nothing gives purchased_on: the header has no column of that name and "
                        + "the definition maps none");
        IntakeBatch good = read(purchases, lines("Customer,amount,purchased_on", "C-1,10.00,2026-10-05"));
        assertThat(records(good, PurchaseRecord.class)).containsExactly(
                new PurchaseRecord(2, "C-1", LocalDate.of(2026, 10, 5), new BigDecimal("10.00"), null));
    }
}
