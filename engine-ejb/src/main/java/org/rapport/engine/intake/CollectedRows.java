package org.rapport.engine.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps every row in memory, for reading a file whole into an {@link IntakeBatch}: in
 * tests, and for a companion table a format joins on. Never on the way into the store. Not
 * thread-safe.
 */
public final class CollectedRows implements RecordSink {

    private final List<CanonicalRecord> records = new ArrayList<>();
    private final List<QuarantinedRow> quarantined = new ArrayList<>();

    @Override
    public void record(CanonicalRecord record) {
        records.add(record);
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        quarantined.add(row);
    }

    public List<CanonicalRecord> records() {
        return records;
    }

    public List<QuarantinedRow> quarantined() {
        return quarantined;
    }

    /** The batch these rows make; rejected, without rows, when {@code rejection} is not null. */
    public IntakeBatch toBatch(SourceKind kind, String source, String fileName, String checksum,
            QuarantinedRow rejection) {
        if (rejection != null) {
            return IntakeBatch.rejected(kind, source, fileName, checksum, rejection);
        }
        return new IntakeBatch(kind, source, fileName, checksum, records, quarantined, null);
    }
}
