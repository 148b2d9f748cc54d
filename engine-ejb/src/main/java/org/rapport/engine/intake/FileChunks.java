package org.rapport.engine.intake;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * Cuts a file's rows, as they are read, into chunks of a number of rows, each written and
 * committed on its own ({@link ChunkedIntake}). Keys every record on the way, those it skips too: a file taken up
 * again after its first {@code skip} rows were committed is keyed as it was the first time, so a record known by
 * its content keeps its number among the file's equal rows ({@link RecordKeys}). Its {@link RecordSink} side runs
 * on the reading thread. Not thread-safe: one per reading.
 */
final class FileChunks implements RecordSink {

    private final RecordKeys keys = new RecordKeys();
    private final long skip;
    private final int rowsPerChunk;
    private final Consumer<Chunk> handOver;
    private long read;
    private Chunk filling = new Chunk();

    /**
     * @param skip         rows (records and quarantined rows) at the file's start that are committed already
     * @param rowsPerChunk a chunk's rows
     * @param handOver     where a full chunk goes
     */
    FileChunks(long skip, int rowsPerChunk, Consumer<Chunk> handOver) {
        this.skip = skip;
        this.rowsPerChunk = rowsPerChunk;
        this.handOver = handOver;
    }

    @Override
    public void record(CanonicalRecord record) {
        KeyedRecord keyed = keys.keyed(record);
        if (++read > skip) {
            filling.records.add(new BatchWriter.KeyedRow(record, keyed));
            handOverWhenFull();
        }
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        if (++read > skip) {
            filling.quarantined.add(row);
            handOverWhenFull();
        }
    }

    /** Hands over what is still held; call once the file has been read to its end. */
    void finish() {
        if (filling.size() > 0) {
            handOver.accept(filling);
            filling = new Chunk();
        }
    }

    private void handOverWhenFull() {
        if (filling.size() >= rowsPerChunk) {
            finish();
        }
    }

    /** Consecutive rows of a file: its records, keyed, and its quarantined rows. */
    static final class Chunk {

        private final List<BatchWriter.KeyedRow> records = new ArrayList<>();
        private final List<QuarantinedRow> quarantined = new ArrayList<>();

        /** How many of the file's rows the chunk holds. */
        int size() {
            return records.size() + quarantined.size();
        }

        /** Adds the references of the customers among the chunk's records to {@code references}. */
        void addCustomersTo(Collection<String> references) {
            for (BatchWriter.KeyedRow row : records) {
                if (row.record() instanceof CustomerRecord customer) {
                    references.add(customer.externalId());
                }
            }
        }

        /** Hands the chunk's rows to {@code writer}. */
        void writeTo(BatchWriter writer) {
            records.forEach(writer::record);
            quarantined.forEach(writer::quarantine);
        }
    }
}
