package org.rapport.engine.intake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import org.rapport.engine.customer.CustomerIdentifiers;
import org.rapport.engine.customer.IdentifierKey;
import org.rapport.engine.customer.IdentifierKind;

/**
 * Writes the rows of one batch as they are read, as many at a time as the database takes best
 * ({@link SqlDialect#recordsAtOnce()}), so memory holds one chunk, never the file. Each record is stored once by
 * its key ({@link RecordKeys}, {@link RecordUpsert}): a record delivered before is updated when it changed and left
 * alone when it did not. Counts what it wrote for the ledger: rows accepted, and of them new, updated and unchanged;
 * rows quarantined; rows unmatched (contact rows whose customer is blank or not known when they are stored); and the
 * newest time a row states. Works in the caller's transaction. Not thread-safe: one per batch.
 */
final class BatchWriter implements RecordSink {

    /** The records H2's writer holds at once, and the fewest any writer holds. */
    static final int FLUSH_EVERY = SqlDialect.H2.recordsAtOnce();

    private final EntityManager entityManager;
    private final long batchId;
    private final IdentifierKey identifierKey;
    private final RecordKeys keys = new RecordKeys();
    private final RecordUpsert upsert;
    private final int flushEvery;
    private final List<KeyedRow> records = new ArrayList<>();
    private final List<QuarantinedRow> quarantinedRows = new ArrayList<>();
    private int accepted;
    private int quarantined;
    private int unmatched;
    private final KnownCustomers known;
    private final SqlDialect dialect;
    private LocalDateTime newestRecordAt;

    /**
     * A writer for a new delivery or a replay.
     *
     * @param identifierKey the key account and telephone numbers are hashed under; null when none is kept
     * @param replaced      the batches the new one takes the place of (see {@link RecordUpsert})
     * @param replay        whether the batch is a kept file read again
     * @param known         the customers found known so far in the file this writer writes (a chunk) of
     */
    BatchWriter(EntityManager entityManager, SourceBatch batch, IdentifierKey identifierKey, Set<Long> replaced,
            boolean replay, KnownCustomers known) {
        this.entityManager = entityManager;
        this.known = known;
        this.batchId = batch.getId();
        this.identifierKey = identifierKey;
        this.dialect = entityManager.unwrap(Session.class).doReturningWork(SqlDialect::of);
        this.upsert = new RecordUpsert(batch.getSource(), batchId, replaced, replay, dialect);
        this.flushEvery = dialect.recordsAtOnce();
    }

    /** A writer of quarantined rows only (a rejected file). */
    BatchWriter(EntityManager entityManager, SourceBatch batch, IdentifierKey identifierKey) {
        this(entityManager, batch, identifierKey, Set.of(), false, new KnownCustomers());
    }

    @Override
    public void record(CanonicalRecord record) {
        record(new KeyedRow(record, keys.keyed(record)));
    }

    /**
     * A record keyed by the caller, for a file written by several writers in turn ({@link ChunkedIntake}): its
     * keys are the file's, and a record known by its content is numbered among all of the file's rows.
     */
    void record(KeyedRow row) {
        records.add(row);
        writeWhenChunkIsFull();
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        quarantinedRows.add(row);
        writeWhenChunkIsFull();
    }

    /** Writes what is still held; call once the file has been read to its end. */
    void finish() {
        writeChunk();
    }

    int accepted() {
        return accepted;
    }

    int quarantined() {
        return quarantined;
    }

    int unmatched() {
        return unmatched;
    }

    int inserted() {
        return upsert.inserted();
    }

    int updated() {
        return upsert.updated();
    }

    int unchanged() {
        return upsert.unchanged();
    }

    LocalDateTime newestRecordAt() {
        return newestRecordAt;
    }

    private void writeWhenChunkIsFull() {
        if (records.size() + quarantinedRows.size() >= flushEvery) {
            writeChunk();
        }
    }

    private void writeChunk() {
        if (records.isEmpty() && quarantinedRows.isEmpty()) {
            return;
        }
        // customers first, so that a contact in the same chunk as its customer is matched
        Map<RecordTable, List<KeyedRecord>> byTable = new LinkedHashMap<>();
        byTable.put(RecordTable.CUSTOMERS, new ArrayList<>());
        List<String> contactRefs = new ArrayList<>();
        for (KeyedRow row : records) {
            KeyedRecord keyed = row.keyed();
            byTable.computeIfAbsent(keyed.table(), table -> new ArrayList<>()).add(keyed);
            if (keyed.table() != RecordTable.CUSTOMERS) {
                contactRefs.add(keyed.customerRef());
            }
            newestRecordAt = RecordTimes.later(newestRecordAt, RecordTimes.of(row.record()));
            accepted++;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<RecordTable, List<KeyedRecord>> table : byTable.entrySet()) {
                upsert.write(connection, table.getKey(), table.getValue());
            }
            unmatched += known.unmatched(connection, dialect, contactRefs);
        });
        rememberIdentifiers();
        if (!quarantinedRows.isEmpty()) {
            SourceBatch batch = entityManager.getReference(SourceBatch.class, batchId);
            for (QuarantinedRow row : quarantinedRows) {
                entityManager.persist(new QuarantinedRecord(batch, row.line(), row.field(), row.reason(),
                        row.rawText()));
                quarantined++;
            }
        }
        records.clear();
        quarantinedRows.clear();
        // Sends what JPA holds of the chunk as JDBC batches and forgets it, so memory stays flat.
        entityManager.flush();
        entityManager.clear();
    }

    /** The account and telephone numbers the chunk's customers came with, as keyed hashes only. */
    private void rememberIdentifiers() {
        List<CustomerIdentifiers.Given> given = new ArrayList<>();
        for (KeyedRow row : records) {
            if (row.record() instanceof CustomerRecord customer) {
                given.add(new CustomerIdentifiers.Given(customer.externalId(), IdentifierKind.ACCOUNT_NUMBER,
                        customer.accountNumber()));
                given.add(new CustomerIdentifiers.Given(customer.externalId(), IdentifierKind.PHONE_NUMBER,
                        customer.phoneNumber()));
            }
        }
        if (given.stream().allMatch(identifier -> identifier.value() == null)) {
            return;
        }
        requireKeyFor(true, identifierKey != null);
        new CustomerIdentifiers(entityManager, identifierKey).remember(given);
    }

    /** Whether a customer record gives an account or telephone number, which only an identifier key may keep. */
    static boolean givesIdentifiers(CanonicalRecord record) {
        return record instanceof CustomerRecord customer
                && (customer.accountNumber() != null || customer.phoneNumber() != null);
    }

    /**
     * @throws IllegalStateException when identifiers are given and no key is configured to keep them: never stored in
     *                               clear, never dropped unnoticed, the file is retried once a key is configured
     */
    static void requireKeyFor(boolean identifiersGiven, boolean keyConfigured) {
        if (identifiersGiven && !keyConfigured) {
            throw new IllegalStateException("Customers come with account or telephone numbers but no identifier key "
                    + "is configured to keep them");
        }
    }

    /** A record with its key. */
    record KeyedRow(CanonicalRecord record, KeyedRecord keyed) {
    }
}
