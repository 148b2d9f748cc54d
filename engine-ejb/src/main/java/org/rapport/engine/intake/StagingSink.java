package org.rapport.engine.intake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hibernate.Session;

/**
 * Stages a delivered file's rows as they are read, {@value #STAGE_EVERY} rows a committed transaction, so
 * no transaction lasts longer than one chunk and memory holds one chunk, never the file. Keys each record
 * ({@link RecordKeys}) on the way and counts what the ledger wants of the file as a whole: rows accepted and
 * quarantined, and the newest time a row states. Not thread-safe: one per delivery, called from the thread
 * reading it.
 */
final class StagingSink implements RecordSink {

    static final int STAGE_EVERY = 10_000;

    private final TransactionRunner transactions;
    private final long stagingId;
    private final ChunkHook chunkHook;
    private final RecordKeys keys = new RecordKeys();
    private final Map<RecordTable, List<StagingArea.StagedRecord>> records = new LinkedHashMap<>();
    private final List<QuarantinedRow> quarantinedRows = new ArrayList<>();
    private final Set<RecordTable> tables = new LinkedHashSet<>();
    private int held;
    private long accepted;
    private long quarantined;
    private int chunks;
    private LocalDateTime newestRecordAt;

    StagingSink(TransactionRunner transactions, long stagingId, ChunkHook chunkHook) {
        this.transactions = transactions;
        this.stagingId = stagingId;
        this.chunkHook = chunkHook;
    }

    @Override
    public void record(CanonicalRecord record) {
        KeyedRecord keyed = keys.keyed(record);
        if (keyed.table() == RecordTable.CUSTOMERS) {
            throw new IllegalArgumentException("Customers are not staged: a delivery of customers is stored whole");
        }
        records.computeIfAbsent(keyed.table(), table -> new ArrayList<>())
                .add(new StagingArea.StagedRecord(++accepted, keyed));
        tables.add(keyed.table());
        newestRecordAt = RecordTimes.later(newestRecordAt, RecordTimes.of(record));
        held++;
        stageWhenChunkIsFull();
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        quarantinedRows.add(row);
        held++;
        stageWhenChunkIsFull();
    }

    /** Stages what is still held; call once the file has been read to its end. */
    void finish() {
        stageChunk();
    }

    Set<RecordTable> tables() {
        return tables;
    }

    int accepted() {
        return Math.toIntExact(accepted);
    }

    int quarantined() {
        return Math.toIntExact(quarantined);
    }

    LocalDateTime newestRecordAt() {
        return newestRecordAt;
    }

    private void stageWhenChunkIsFull() {
        if (held >= STAGE_EVERY) {
            stageChunk();
        }
    }

    private void stageChunk() {
        if (held == 0) {
            return;
        }
        long firstQuarantined = quarantined + 1;
        transactions.inNewTransaction(entityManager -> {
            entityManager.unwrap(Session.class).doWork(connection -> {
                SqlDialect dialect = SqlDialect.of(connection);
                for (Map.Entry<RecordTable, List<StagingArea.StagedRecord>> table : records.entrySet()) {
                    StagingArea.stage(connection, dialect, stagingId, table.getKey(), table.getValue());
                }
                StagingArea.stageQuarantined(connection, dialect, stagingId, firstQuarantined, quarantinedRows);
            });
            return null;
        });
        quarantined += quarantinedRows.size();
        records.clear();
        quarantinedRows.clear();
        held = 0;
        chunkHook.staged(++chunks);
    }

    /** Told after each chunk is committed; lets a test stop a delivery between two chunks, as a kill would. */
    @FunctionalInterface
    interface ChunkHook {

        ChunkHook NONE = chunks -> {
        };

        void staged(int chunksCommitted);
    }
}
