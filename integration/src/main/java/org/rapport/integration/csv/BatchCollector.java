package org.rapport.integration.csv;

import java.util.ArrayList;
import java.util.List;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;

/** The records and quarantined rows a file gives as it is read. Not thread-safe. */
public final class BatchCollector {

    private final List<CanonicalRecord> records = new ArrayList<>();
    private final List<QuarantinedRow> quarantined = new ArrayList<>();

    public void add(CanonicalRecord record) {
        records.add(record);
    }

    public void quarantine(QuarantinedRow row) {
        quarantined.add(row);
    }

    public void quarantine(long line, String field, String reason, String rawText) {
        quarantined.add(new QuarantinedRow(line, field, reason, rawText));
    }

    public List<CanonicalRecord> records() {
        return records;
    }

    public List<QuarantinedRow> quarantined() {
        return quarantined;
    }
}
