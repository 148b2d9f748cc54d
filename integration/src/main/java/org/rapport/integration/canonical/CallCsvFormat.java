package org.rapport.integration.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.CsvIntakeReader;
import org.rapport.integration.csv.FieldRow;

/**
 * Rapport's canonical calls CSV: one correlated call per row. A blank {@code customer_id} is an
 * unknown caller and is kept; a blank {@code agent_saw_history} means the telephony does not know.
 */
public class CallCsvFormat implements IntakeFormat {

    public static final List<String> COLUMNS = List.of("call_id", "customer_id", "started_at", "ivr_seconds",
            "queue_seconds", "talk_seconds", "outcome", "wanted_agent", "transfers", "times_reidentified",
            "agent_saw_history", "channel");

    private static final int NONE = 0;
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    private final CsvIntakeReader<CallRecord> reader;

    /** @param source the source's name in the intake ledger */
    public CallCsvFormat(String source) {
        this.reader = new CsvIntakeReader<>(SourceKind.CALLS, source, COLUMNS, CallCsvFormat::call);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CALLS;
    }

    @Override
    public String source() {
        return reader.source();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.stream(fileName, content, sink);
    }

    /** Maps one row onto a record; shared with the source formats that take this kind under a field mapping. */
    public static CallRecord call(FieldRow row) throws BadFieldException {
        return new CallRecord(row.line(),
                row.text("call_id", Lengths.REFERENCE),
                row.optionalText("customer_id", Lengths.REFERENCE),
                row.dateTime("started_at"),
                row.wholeNumber("ivr_seconds", NONE, NO_LIMIT),
                row.wholeNumber("queue_seconds", NONE, NO_LIMIT),
                row.wholeNumber("talk_seconds", NONE, NO_LIMIT),
                row.choice("outcome", CallOutcome.class),
                row.bool("wanted_agent"),
                row.wholeNumber("transfers", NONE, NO_LIMIT),
                row.wholeNumber("times_reidentified", NONE, NO_LIMIT),
                row.optionalBool("agent_saw_history"),
                row.optionalText("channel", Lengths.CODE));
    }
}
