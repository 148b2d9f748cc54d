package org.rapport.engine.intake;

import java.time.LocalDateTime;

/**
 * A file read to its end before any of it is stored ({@link ChunkedIntake}): counts what the ledger wants of the
 * file as a whole (rows accepted and quarantined, the newest time a row states) and refuses, before a row is
 * written, customers that give account or telephone numbers no identifier key is configured to keep. Holds counts
 * only, never rows. Not thread-safe: one per reading.
 */
final class FileCheck implements RecordSink {

    private final boolean identifierKeyConfigured;
    private int accepted;
    private int quarantined;
    private LocalDateTime newestRecordAt;

    FileCheck(boolean identifierKeyConfigured) {
        this.identifierKeyConfigured = identifierKeyConfigured;
    }

    @Override
    public void record(CanonicalRecord record) {
        BatchWriter.requireKeyFor(BatchWriter.givesIdentifiers(record), identifierKeyConfigured);
        accepted++;
        newestRecordAt = RecordTimes.later(newestRecordAt, RecordTimes.of(record));
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        quarantined++;
    }

    int accepted() {
        return accepted;
    }

    int quarantined() {
        return quarantined;
    }

    LocalDateTime newestRecordAt() {
        return newestRecordAt;
    }
}
