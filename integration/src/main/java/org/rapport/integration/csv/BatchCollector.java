package org.rapport.integration.csv;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;

/**
 * The single place a format's rows go as a file is read: each is passed on at once to the intake's
 * {@link RecordSink} (which writes it to the store), and only counted here, so a file is never held.
 * Not thread-safe.
 */
public final class BatchCollector {

    private final RecordSink sink;
    private long records;
    private long quarantined;

    public BatchCollector(RecordSink sink) {
        this.sink = sink;
    }

    public void add(CanonicalRecord record) {
        sink.record(record);
        records++;
    }

    public void quarantine(QuarantinedRow row) {
        sink.quarantine(row);
        quarantined++;
    }

    public void quarantine(long line, String field, String reason, String rawText) {
        quarantine(new QuarantinedRow(line, field, reason, rawText));
    }

    /** Whether any row, good or bad, has come out of the file so far. */
    public boolean anyRow() {
        return records > 0 || quarantined > 0;
    }
}
