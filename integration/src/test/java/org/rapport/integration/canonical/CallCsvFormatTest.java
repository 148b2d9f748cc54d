package org.rapport.integration.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.canonical.Delivered.lines;
import static org.rapport.integration.canonical.Delivered.read;
import static org.rapport.integration.canonical.Delivered.records;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SourceKind;

class CallCsvFormatTest {

    private static final String HEADER = String.join(",", CallCsvFormat.COLUMNS);

    private final CallCsvFormat format = new CallCsvFormat("test-ivr");

    @Test
    void aGoodFileGivesOneTypedRecordPerRowAndKeepsUnknownCallers() {
        IntakeBatch batch = read(format, lines(HEADER,
                "K-1,C-001,2026-10-01T08:15:00,95,240,410,answered,true,1,1,false,phone",
                "K-2,,2026-10-01T08:16:30,300,0,0,self_served,false,0,0,,phone"));

        assertThat(batch.kind()).isEqualTo(SourceKind.CALLS);
        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, CallRecord.class)).containsExactly(
                new CallRecord(2, "K-1", "C-001", LocalDateTime.of(2026, 10, 1, 8, 15), 95, 240, 410,
                        CallOutcome.ANSWERED, true, 1, 1, false, "phone"),
                new CallRecord(3, "K-2", null, LocalDateTime.of(2026, 10, 1, 8, 16, 30), 300, 0, 0,
                        CallOutcome.SELF_SERVED, false, 0, 0, null, "phone"));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsQuarantinedWhileTheGoodRowsGoThrough() {
        IntakeBatch batch = read(format, lines(HEADER,
                "K-1,C-001,2026-10-01T08:15:00,95,240,410,answered,true,1,1,false,phone",
                "K-2,C-002,2026-10-01T08:16:30,300,0,0,self_served,false,0",
                "K-3,C-003,2026-10-01T08:17:00,95,240,410,answered,true,1,1,false,phone,extra"));

        assertThat(records(batch, CallRecord.class)).extracting(CallRecord::callRef).containsExactly("K-1");
        assertThat(batch.quarantined()).containsExactly(
                new QuarantinedRow(3, QuarantinedRow.WHOLE_RECORD, "expected 12 fields, found 9",
                        "K-2,C-002,2026-10-01T08:16:30,300,0,0,self_served,false,0"),
                new QuarantinedRow(4, QuarantinedRow.WHOLE_RECORD, "expected 12 fields, found 13",
                        "K-3,C-003,2026-10-01T08:17:00,95,240,410,answered,true,1,1,false,phone,extra"));
    }

    @Test
    void negativeOrFractionalSecondsAreQuarantined() {
        IntakeBatch batch = read(format, lines(HEADER,
                "K-1,C-001,2026-10-01T08:15:00,-5,240,410,answered,true,1,1,false,phone",
                "K-2,C-001,2026-10-01T08:15:00,95,2.5,410,answered,true,1,1,false,phone",
                "K-3,C-001,2026-10-01T08:15:00,95,240,,answered,true,1,1,false,phone"));

        assertThat(records(batch, CallRecord.class)).isEmpty();
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(2L, "ivr_seconds", "'-5' is not a whole number of 0 or more"),
                        tuple(3L, "queue_seconds", "'2.5' is not a whole number of 0 or more"),
                        tuple(4L, "talk_seconds", "is blank, a whole number of 0 or more is required"));
    }

    @Test
    void anUnknownOutcomeOrABadStartTimeIsQuarantined() {
        IntakeBatch batch = read(format, lines(HEADER,
                "K-1,C-001,2026-10-01T08:15:00,95,240,410,hung_up,true,1,1,false,phone",
                "K-2,C-001,2026-10-01 08:15,95,240,410,answered,true,1,1,false,phone"));

        assertThat(batch.quarantined()).extracting(QuarantinedRow::field, QuarantinedRow::reason).containsExactly(
                tuple("outcome", "'hung_up' is not one of self_served, abandoned_in_ivr, abandoned_in_queue, answered"),
                tuple("started_at", "'2026-10-01 08:15' is not a date and time (yyyy-MM-ddTHH:mm:ss)"));
    }
}
