package org.rapport.engine.intake;

import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.hibernate.Session;

/**
 * Stages a delivered file's rows as they are read, {@value #STAGE_EVERY} rows a committed transaction, so
 * no transaction lasts longer than one chunk and memory holds a few chunks, never the file. Keys each record
 * ({@link RecordKeys}) on the way and counts what the ledger wants of the file as a whole: rows accepted and
 * quarantined, the newest time a row states, and, as each chunk is staged, its rows of no customer held
 * ({@link KnownCustomers}). The file is read on a thread of its own ({@link ReadAhead})
 * while the thread that stores it stages the chunks read before: the sink's {@link RecordSink} side is called
 * from the reading thread, {@link #stage} from the storing one; {@link #accepted()} and the other counts are
 * read once reading has ended. One per delivery.
 */
final class StagingSink implements RecordSink {

    static final int STAGE_EVERY = 10_000;

    /**
     * The most rows staged uncounted while the company's customers are read beside them (references only: a few
     * megabytes); past that, staging waits for them.
     */
    static final int HOLD_BACK_AT_MOST = 500_000;

    private final TransactionRunner transactions;
    private final long stagingId;
    private final ChunkHook chunkHook;
    private final Consumer<Chunk> handOver;
    private final RecordKeys keys = new RecordKeys();
    private final KnownCustomers known;
    private final Set<RecordTable> tables = new LinkedHashSet<>();
    private Chunk filling = new Chunk(1);
    private long accepted;
    private long quarantined;
    private long unmatched;
    private int chunks;
    private LocalDateTime newestRecordAt;

    /**
     * @param handOver where a full chunk goes, on the reading thread: to the thread that stages it
     * @param company  the customers the chunks' rows are matched to first, being read beside the file
     */
    StagingSink(TransactionRunner transactions, long stagingId, ChunkHook chunkHook, Consumer<Chunk> handOver,
            Future<CompanyCustomers.Snapshot> company) {
        this.known = new KnownCustomers(company, HOLD_BACK_AT_MOST);
        this.transactions = transactions;
        this.stagingId = stagingId;
        this.chunkHook = chunkHook;
        this.handOver = handOver;
    }

    @Override
    public void record(CanonicalRecord record) {
        KeyedRecord keyed = keys.keyed(record);
        if (keyed.table() == RecordTable.CUSTOMERS) {
            throw new IllegalArgumentException("Customers are not staged: a delivery of customers is stored whole");
        }
        filling.add(keyed.table(), new StagingArea.StagedRecord(++accepted, keyed));
        tables.add(keyed.table());
        newestRecordAt = RecordTimes.later(newestRecordAt, RecordTimes.of(record));
        handOverWhenFull();
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        filling.add(row);
        quarantined++;
        handOverWhenFull();
    }

    /** Hands over what is still held; call on the reading thread once the file has been read to its end. */
    void finish() {
        if (filling.size() > 0) {
            handOverFilling();
        }
    }

    /** Stages a chunk the reader handed over, in a transaction of its own; chunks in the order handed over. */
    void stage(Chunk chunk) {
        int unmatchedInChunk = transactions.inNewTransaction(entityManager ->
            entityManager.unwrap(Session.class).doReturningWork(connection -> {
                SqlDialect dialect = SqlDialect.of(connection);
                if (dialect == SqlDialect.POSTGRESQL) {
                    // a chunk's commit need not wait for the disk: its rows are in unlogged tables, which a crash
                    // of the database empties anyway, and the commit making them a batch waits for all before it
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("set local synchronous_commit = off");
                    }
                }
                List<String> contactRefs = new ArrayList<>(chunk.size());
                for (Map.Entry<RecordTable, List<StagingArea.StagedRecord>> table : chunk.records.entrySet()) {
                    StagingArea.stage(connection, dialect, stagingId, table.getKey(), table.getValue());
                    table.getValue().forEach(staged -> contactRefs.add(staged.record().customerRef()));
                }
                // counted here, a chunk at a time while the next is read, against the company's customers in memory,
                // not when the file is merged, where every part's count read all of them (1,000,000: a second a part)
                int counted = known.unmatched(connection, dialect, contactRefs);
                StagingArea.stageQuarantined(connection, dialect, stagingId, chunk.firstQuarantined,
                        chunk.quarantined);
                return counted;
            }));
        // added once the chunk is committed: a chunk that fails to commit fails its file, staged again from the start
        unmatched += unmatchedInChunk;
        chunkHook.staged(++chunks);
    }

    /**
     * Counts the rows staged while the company's customers were still being read, in a transaction of its own, once
     * they have been; call on the storing thread once every chunk is staged.
     */
    void countHeldBack() {
        unmatched += transactions.inNewTransaction(entityManager -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> known.unmatchedHeldBack(connection, SqlDialect.of(connection))));
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

    /** The staged rows that named no customer the store held when their chunk was staged. */
    int unmatched() {
        return Math.toIntExact(unmatched);
    }

    LocalDateTime newestRecordAt() {
        return newestRecordAt;
    }

    private void handOverWhenFull() {
        if (filling.size() >= STAGE_EVERY) {
            handOverFilling();
        }
    }

    private void handOverFilling() {
        handOver.accept(filling);
        filling = new Chunk(quarantined + 1);
    }

    /** Rows read and not yet staged: records by table, quarantined rows numbered on from {@code firstQuarantined}. */
    static final class Chunk {

        private final Map<RecordTable, List<StagingArea.StagedRecord>> records = new LinkedHashMap<>();
        private final List<QuarantinedRow> quarantined = new ArrayList<>();
        private final long firstQuarantined;
        private int size;

        private Chunk(long firstQuarantined) {
            this.firstQuarantined = firstQuarantined;
        }

        private void add(RecordTable table, StagingArea.StagedRecord record) {
            records.computeIfAbsent(table, any -> new ArrayList<>()).add(record);
            size++;
        }

        private void add(QuarantinedRow row) {
            quarantined.add(row);
            size++;
        }

        private int size() {
            return size;
        }
    }

    /** Told after each chunk is committed; lets a test stop a delivery between two chunks, as a kill would. */
    @FunctionalInterface
    interface ChunkHook {

        ChunkHook NONE = chunks -> {
        };

        void staged(int chunksCommitted);
    }
}
