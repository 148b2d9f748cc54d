package org.rapport.engine.intake;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import org.rapport.engine.customer.IdentifierKey;

/**
 * Writes one delivered file into the store inside the caller's transaction: ledger entry, records,
 * quarantined rows. The rows are written while the file is read ({@link BatchWriter}), so a large file
 * never sits whole in memory; all of it happens in the caller's one transaction, so a file is stored
 * whole or not at all (tests and tools; a rejection). A staged file ({@link StagedIntake}) is made its batch in steps
 * instead, each in the caller's transaction: {@link #openStaged}, {@link #mergeStagedPart} a part at a time,
 * {@link #finishStaged}; and so is a file written a chunk at a time ({@link ChunkedIntake}): {@link #openChunked},
 * {@link #writeChunk}, {@link #finishChunked}; a replay is opened with {@link #openReplay}.
 * A file refused partway throws {@link DeliveryRejected}: the caller rolls the
 * transaction back and records the rejection with {@link #reject} in a new one. A file delivered again
 * with corrected content replaces the earlier one ({@link BatchReplacement}). Not thread-safe: one
 * instance per transaction.
 */
public class BatchStore {

    static final int FLUSH_EVERY = BatchWriter.FLUSH_EVERY;

    private final EntityManager entityManager;
    private final Clock clock;
    private final IdentifierKey identifierKey;

    /** A store that keeps no account or telephone numbers: a CRM file giving them is refused as a fault. */
    public BatchStore(EntityManager entityManager, Clock clock) {
        this(entityManager, clock, null);
    }

    /** @param identifierKey the key account and telephone numbers are kept hashed under */
    public BatchStore(EntityManager entityManager, Clock clock, IdentifierKey identifierKey) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.identifierKey = identifierKey;
    }

    /**
     * Stores a delivery, reading it only when its content is new: content that was accepted before
     * (same kind, same SHA-256) is recorded as a duplicate without being parsed.
     *
     * @throws DeliveryRejected when the file is refused partway; the transaction must be rolled back
     */
    public IntakeReceipt store(Delivery delivery) {
        Long original = firstAcceptedWithSameContent(delivery);
        if (original != null) {
            return duplicate(delivery, original);
        }
        return write(delivery);
    }

    /**
     * Stores a delivery that has been read whole (tests, small files). A rejected one is recorded with
     * its reason and quarantined rows; nothing else of it is stored.
     */
    public IntakeReceipt store(IntakeBatch delivered) {
        Delivery delivery = Delivery.of(delivered);
        Long original = firstAcceptedWithSameContent(delivery);
        if (original != null) {
            return duplicate(delivery, original);
        }
        if (delivered.isRejected()) {
            return reject(delivery, delivered.rejection(), delivered.quarantined());
        }
        return write(delivery);
    }

    /**
     * The accepted batch {@code batchId}, locked for the caller's transaction, when {@code delivery} is its file read
     * again.
     *
     * @throws BatchNotReplayable when the batch is unknown, not accepted, or the delivery is not its file
     */
    SourceBatch replayable(long batchId, Delivery delivery) {
        SourceBatch target = entityManager.find(SourceBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (target == null) {
            throw new BatchNotReplayable("there is no batch " + batchId);
        }
        if (target.getStatus() != BatchStatus.ACCEPTED) {
            throw new BatchNotReplayable("batch " + batchId + " is " + target.getStatus()
                    + (target.getReplacedBy() == null ? "" : " by batch " + target.getReplacedBy())
                    + ": only an accepted batch can be replayed");
        }
        if (!target.getChecksum().equals(delivery.checksum()) || !target.getSource().equals(delivery.source())
                || target.getKind() != delivery.kind()) {
            throw new BatchNotReplayable("the file offered for batch " + batchId + " is not the file it stored ("
                    + "source, kind or SHA-256 differ)");
        }
        return target;
    }

    /** Records a file refused as a whole: its ledger entry and the reason as its one quarantined row. */
    public IntakeReceipt reject(Delivery delivery, QuarantinedRow reason) {
        return reject(delivery, reason.asRejection(), List.of(reason));
    }

    private IntakeReceipt reject(Delivery delivery, String message, List<QuarantinedRow> quarantined) {
        SourceBatch batch = newBatch(delivery);
        batch.reject(message);
        entityManager.persist(batch);
        entityManager.flush();
        BatchWriter writer = new BatchWriter(entityManager, batch, identifierKey);
        quarantined.forEach(writer::quarantine);
        writer.finish();
        return counted(batch.getId(), writer, List.of(), 0);
    }

    private IntakeReceipt duplicate(Delivery delivery, long original) {
        SourceBatch batch = newBatch(delivery);
        batch.markDuplicateOf(original);
        batch.keptAs(delivery.keptAs());
        entityManager.persist(batch);
        entityManager.flush();
        return new IntakeReceipt(batch.getId(), batch.getStatus(), 0, 0, 0, original, List.of(), null);
    }

    /** Writes the rows as the delivery is read, then lets them take the place of what they correct. */
    private IntakeReceipt write(Delivery delivery) {
        SourceBatch batch = newBatch(delivery);
        batch.keptAs(delivery.keptAs());
        entityManager.persist(batch);
        entityManager.flush();
        long batchId = batch.getId();
        BatchReplacement replacement = new BatchReplacement(entityManager);
        // known (and locked) before the rows are written: what they still hold and the new rows repeat is taken over
        List<Long> replaced = replacement.earlierDeliveries(batch);
        BatchWriter writer = new BatchWriter(entityManager, batch, identifierKey, Set.copyOf(replaced), false,
                new KnownCustomers());
        QuarantinedRow rejection = delivery.read(writer);
        if (rejection != null) {
            throw new DeliveryRejected(rejection);
        }
        writer.finish();
        int withdrawn = 0;
        for (Long earlier : replaced) {
            withdrawn += replacement.replace(entityManager.find(SourceBatch.class, earlier), batchId);
        }
        return counted(batchId, writer, replaced, withdrawn);
    }

    /** A receipt for a delivery whose content an accepted batch already brought, or null when it is new. */
    IntakeReceipt duplicateOrNull(Delivery delivery) {
        Long original = firstAcceptedWithSameContent(delivery);
        return original == null ? null : duplicate(delivery, original);
    }

    /**
     * Opens the batch a staged delivery's rows are to be merged into, in the caller's transaction: a ledger entry
     * {@link BatchStatus#BEING_STORED}, with the file's counts, that counts for nothing until its last part is
     * merged ({@link #finishStaged}). Content an accepted batch brought meanwhile makes the delivery a duplicate
     * instead, and its staging is deleted.
     *
     * @return the duplicate's receipt, or null when the batch was opened
     */
    IntakeReceipt openStaged(Delivery delivery, long stagingId, StagingSink staged) {
        Long original = firstAcceptedWithSameContent(delivery);
        if (original != null) {
            entityManager.unwrap(Session.class).doWork(connection -> StagingArea.discard(connection, stagingId));
            return duplicate(delivery, original);
        }
        SourceBatch batch = newBatch(delivery);
        batch.keptAs(delivery.keptAs());
        batch.beingStored(staged.accepted(), staged.quarantined(), staged.unmatched(), staged.newestRecordAt());
        entityManager.persist(batch);
        entityManager.flush();
        long batchId = batch.getId();
        entityManager.unwrap(Session.class).doWork(connection -> StagingArea.mergingInto(connection, stagingId,
                batchId, clock.instant()));
        return null;
    }

    /**
     * The parts of a staged delivery still to be merged, cut as {@code cut} says ({@link MergeParts#recordsPerPart}).
     *
     * @throws IllegalStateException when {@code owner} no longer owns the staging
     */
    List<KeyBuckets.Part> stagedParts(long stagingId, String owner, MergeParts cut) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            StagingArea.MergeProgress progress = StagingArea.progress(connection, stagingId, owner);
            long records = StagingArea.extent(connection, stagingId).records();
            return KeyBuckets.parts(records, cut.recordsPerPart(records), progress.mergedBuckets());
        });
    }

    /**
     * Merges one part of a staged delivery in the caller's transaction ({@link StagedMerge}) and adds what it did
     * to the batch's counts. Parts may be merged side by side, each in a transaction of its own.
     *
     * @throws IllegalStateException when {@code owner} no longer owns the staging
     */
    void mergeStagedPart(long stagingId, String owner, KeyBuckets.Part part) {
        Session session = entityManager.unwrap(Session.class);
        // the connection is the entity manager's: entities are read between pieces of work, not in them
        StagingArea.MergeProgress progress = session.doReturningWork(connection ->
                StagingArea.progress(connection, stagingId, owner));
        List<RecordTable> tables = session.doReturningWork(connection ->
                StagingArea.extent(connection, stagingId).tables());
        SourceBatch batch = entityManager.find(SourceBatch.class, progress.batchId());
        List<Long> replaced = new BatchReplacement(entityManager).earlierDeliveries(batch);
        StagedMerge merge = new StagedMerge(stagingId, progress.batchId(), progress.source(), Set.copyOf(replaced),
                part);
        session.doWork(connection -> {
            for (RecordTable table : tables) {
                merge.merge(connection, table);
            }
            // added in the database, not to the entity: parts merged side by side would overwrite each other's counts
            try (PreparedStatement counts = connection.prepareStatement("update source_batch"
                    + " set rows_new = rows_new + ?, rows_updated = rows_updated + ?,"
                    + " rows_unchanged = rows_unchanged + ? where id = ?")) {
                counts.setInt(1, merge.inserted());
                counts.setInt(2, merge.updated());
                counts.setInt(3, merge.unchanged());
                counts.setLong(4, progress.batchId());
                counts.executeUpdate();
            }
            StagingArea.merged(connection, stagingId, owner, part, clock.instant());
        });
    }

    /**
     * Ends a staged delivery whose every part is merged, in the caller's transaction: its quarantined rows, the
     * earlier deliveries it replaces withdrawn, the batch accepted, the staging deleted.
     */
    IntakeReceipt finishStaged(long stagingId, String owner) {
        long batchId = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            StagingArea.MergeProgress progress = StagingArea.progress(connection, stagingId, owner);
            if (progress.mergedBuckets() != KeyBuckets.ALL) {
                throw new IllegalStateException("Staging " + stagingId + " is not merged whole");
            }
            StagedMerge.quarantine(connection, stagingId, progress.batchId());
            StagingArea.discard(connection, stagingId);
            return progress.batchId();
        });
        return acceptWhole(batchId);
    }

    /**
     * Opens the batch a file read and checked to its end ({@link FileCheck}) is to be written into a chunk at a time
     * ({@link ChunkedIntake}), in the caller's transaction: a ledger entry {@link BatchStatus#BEING_STORED}, with the
     * file's counts, that counts for nothing until {@link #finishChunked}.
     *
     * @return the batch's id
     */
    long openChunked(Delivery delivery, FileCheck checked) {
        return openBeingStored(delivery, checked, null);
    }

    /**
     * Opens the batch a replay of {@code replayed} is written into a chunk at a time, as {@link #openChunked} does: once
     * stored whole it takes the place of {@code replayed} alone.
     *
     * @throws BatchNotReplayable when {@code replayed} cannot be replayed from {@code delivery} (any more)
     */
    long openReplay(long replayed, Delivery delivery, FileCheck checked) {
        replayable(replayed, delivery);
        return openBeingStored(delivery, checked, replayed);
    }

    private long openBeingStored(Delivery delivery, FileCheck checked, Long replayed) {
        SourceBatch batch = newBatch(delivery);
        batch.keptAs(delivery.keptAs());
        // its rows of no customer are counted as its chunks are written (writeChunk)
        batch.beingStored(checked.accepted(), checked.quarantined(), 0, checked.newestRecordAt());
        if (replayed != null) {
            batch.replayOf(replayed);
        }
        entityManager.persist(batch);
        entityManager.flush();
        return batch.getId();
    }

    /**
     * The batches of this very file (kind, source and SHA-256) an intake left part written, each with how many of
     * the file's rows, from its start, it committed: a staged file's batch and a replay's are not among them.
     */
    Map<Long, Integer> halfWritten(Delivery delivery) {
        return halfWritten("b.replay_of is null and b.kind = ? and b.source = ? and b.checksum = ?",
                delivery.kind().name(), delivery.source(), delivery.checksum());
    }

    /** The replays of batch {@code replayed} an intake left part written, each with the rows it committed. */
    Map<Long, Integer> halfWrittenReplays(long replayed) {
        return halfWritten("b.replay_of = ?", replayed);
    }

    private Map<Long, Integer> halfWritten(String which, Object... parameters) {
        var query = entityManager.createNativeQuery("select b.id, b.rows_committed from source_batch b"
                        + " where b.status = ? and " + which
                        + " and not exists (select 1 from intake_staging s where s.batch_id = b.id) order by b.id",
                        Object[].class)
                .setParameter(1, BatchStatus.BEING_STORED.name());
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 2, parameters[i]);
        }
        List<Object[]> rows = query.getResultList();
        Map<Long, Integer> committed = new LinkedHashMap<>();
        rows.forEach(row -> committed.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue()));
        return committed;
    }

    /**
     * Writes the next chunk of a file into its batch in the caller's transaction ({@link ChunkedIntake}) and adds what
     * it did to the batch's counts, with how far into the file the batch's rows now reach.
     *
     * @param committedBefore the file's rows committed before this chunk, as the writer knows it
     * @param known           the customers found known in the file's chunks before this one
     * @throws IllegalStateException when the batch is no longer being stored or its rows reach elsewhere: another
     *                               intake wrote it meanwhile, and this chunk must not be committed
     */
    void writeChunk(long batchId, int committedBefore, FileChunks.Chunk chunk, KnownCustomers known) {
        SourceBatch batch = entityManager.find(SourceBatch.class, batchId);
        List<Long> replaced = replacedBy(batch, new BatchReplacement(entityManager));
        BatchWriter writer = new BatchWriter(entityManager, batch, identifierKey, Set.copyOf(replaced),
                batch.getReplayOf() != null, known);
        chunk.writeTo(writer);
        writer.finish();
        int counted = entityManager.createNativeQuery("update source_batch"
                        + " set rows_new = rows_new + ?, rows_updated = rows_updated + ?,"
                        + " rows_unchanged = rows_unchanged + ?, rows_unmatched = rows_unmatched + ?,"
                        + " rows_committed = rows_committed + ? where id = ? and status = ? and rows_committed = ?")
                .setParameter(1, writer.inserted())
                .setParameter(2, writer.updated())
                .setParameter(3, writer.unchanged())
                .setParameter(4, writer.unmatched())
                .setParameter(5, chunk.size())
                .setParameter(6, batchId)
                .setParameter(7, BatchStatus.BEING_STORED.name())
                .setParameter(8, committedBefore)
                .executeUpdate();
        if (counted != 1) {
            throw new IllegalStateException("Batch " + batchId + " was written by another intake meanwhile");
        }
    }

    /**
     * Ends a file written a chunk at a time, in the caller's transaction: the earlier deliveries it replaces withdrawn,
     * the batch accepted.
     */
    IntakeReceipt finishChunked(long batchId) {
        return acceptWhole(batchId);
    }

    private IntakeReceipt acceptWhole(long batchId) {
        SourceBatch stored = entityManager.find(SourceBatch.class, batchId);
        BatchReplacement replacement = new BatchReplacement(entityManager);
        List<Long> replaced = replacedBy(stored, replacement);
        int withdrawn = 0;
        for (Long earlier : replaced) {
            withdrawn += replacement.replace(entityManager.find(SourceBatch.class, earlier), batchId);
        }
        stored.storedWhole(withdrawn);
        entityManager.flush();
        return receipt(stored, replaced);
    }

    /**
     * The batches {@code batch}, being stored, takes the place of, locked for the caller's transaction: the one it
     * replays, or the accepted deliveries of the same name.
     *
     * @throws IllegalStateException when the batch a replay replays was replaced meanwhile
     */
    private List<Long> replacedBy(SourceBatch batch, BatchReplacement replacement) {
        if (batch.getReplayOf() == null) {
            return replacement.earlierDeliveries(batch);
        }
        SourceBatch replayed = entityManager.find(SourceBatch.class, batch.getReplayOf(),
                LockModeType.PESSIMISTIC_WRITE);
        if (replayed.getStatus() != BatchStatus.ACCEPTED) {
            throw new IllegalStateException("Batch " + replayed.getId() + ", being replayed as batch " + batch.getId()
                    + ", is " + replayed.getStatus() + " now");
        }
        return List.of(replayed.getId());
    }

    private IntakeReceipt counted(long batchId, BatchWriter writer, List<Long> replaced, int withdrawn) {
        SourceBatch stored = entityManager.find(SourceBatch.class, batchId);
        stored.counted(writer, withdrawn);
        entityManager.flush();
        return receipt(stored, replaced);
    }

    /** The receipt of a batch just counted. */
    private static IntakeReceipt receipt(SourceBatch stored, List<Long> replaced) {
        return new IntakeReceipt(stored.getId(), stored.getStatus(), stored.getRowsAccepted(),
                stored.getRowsQuarantined(), stored.getRowsUnmatched(), null, replaced, stored.getMessage(),
                IntakeReceipt.Changes.of(stored));
    }

    private SourceBatch newBatch(Delivery delivery) {
        return new SourceBatch(delivery.kind(), delivery.source(), delivery.fileName(), delivery.checksum(),
                clock.instant());
    }

    private Long firstAcceptedWithSameContent(Delivery delivery) {
        List<Long> ids = entityManager.createQuery("""
                select b.id from SourceBatch b
                where b.kind = :kind and b.checksum = :checksum and b.status = :accepted
                order by b.id""", Long.class)
                .setParameter("kind", delivery.kind())
                .setParameter("checksum", delivery.checksum())
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setMaxResults(1)
                .getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }
}
