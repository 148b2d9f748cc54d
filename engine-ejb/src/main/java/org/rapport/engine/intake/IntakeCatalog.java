package org.rapport.engine.intake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/** Read access to the ledger and the quarantine, for the integration team. */
@Stateless
public class IntakeCatalog {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Inject
    private HeldRecordsMemo heldRecords;

    public IntakeCatalog() {
        // for the container
    }

    /** A catalog over the given entity manager, outside the server. */
    public IntakeCatalog(EntityManager entityManager) {
        this(entityManager, new HeldRecordsMemo());
    }

    /** A catalog over the given entity manager that reuses the counts of {@code heldRecords}, outside the server. */
    public IntakeCatalog(EntityManager entityManager, HeldRecordsMemo heldRecords) {
        this.entityManager = entityManager;
        this.heldRecords = heldRecords;
    }

    /** Newest first, at most {@code limit}. */
    public List<BatchEntry> batches(int limit) {
        return entityManager.createQuery("select b from SourceBatch b order by b.id desc", SourceBatch.class)
                .setMaxResults(limit)
                .getResultStream()
                .map(BatchEntry::of)
                .toList();
    }

    /** Newest batches first, then file order, at most {@code limit}. */
    public List<QuarantineEntry> quarantine(int limit) {
        return quarantine(null, null, limit);
    }

    /**
     * Quarantined rows of one source, one batch, or both, for a replay to be judged: newest batches first,
     * then file order, at most {@code limit}.
     *
     * @param source  the source's name, or null for any
     * @param batchId the batch, or null for any
     */
    public List<QuarantineEntry> quarantine(String source, Long batchId, int limit) {
        return quarantine(source, batchId, 0, limit);
    }

    /**
     * One page of the quarantined rows of one source, one batch, or both (see
     * {@link #quarantine(String, Long, int)}): the {@code limit} rows after the first {@code offset}, in the
     * same order, so that a file with a hundred thousand bad rows is listed a page at a time.
     */
    public List<QuarantineEntry> quarantine(String source, Long batchId, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        if (source != null) {
            conditions.add("b.source = :source");
        }
        if (batchId != null) {
            conditions.add("b.id = :batch");
        }
        TypedQuery<QuarantineEntry> query = entityManager.createQuery("""
                select new org.rapport.engine.intake.QuarantineEntry(q.id, b.id, cast(b.kind as String), b.source,
                       b.name, b.receivedAt, q.line, q.field, q.reason, q.rawText)
                from QuarantinedRecord q join q.batch b"""
                + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by b.id desc, q.line, q.id", QuarantineEntry.class);
        if (source != null) {
            query.setParameter("source", source);
        }
        if (batchId != null) {
            query.setParameter("batch", batchId);
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Each source's deliveries at a glance, in set-based queries whatever the number of sources: totals
     * from the ledger, the newest record time, the last delivery, and the records held now with those
     * whose customer is unknown now (one grouped pass over each record table). By source name.
     */
    /**
     * "source file" of each batch still being made a part at a time ({@link BatchStatus#BEING_STORED}), sorted:
     * being stored now, or left so by a process that stopped between two parts until the file is delivered again.
     */
    public List<String> filesBeingStored() {
        return entityManager.createQuery("select b.source, b.name from SourceBatch b where b.status = :beingStored",
                        Object[].class)
                .setParameter("beingStored", BatchStatus.BEING_STORED).getResultStream()
                .map(row -> row[0] + " " + row[1]).sorted().toList();
    }

    /**
     * Whether any file is in the staging now: being staged or merged, by any node, or left half merged to be finished.
     * A file being staged is in no batch of the ledger yet ({@link #filesBeingStored()} does not list it).
     */
    public boolean anyFileStaged() {
        Number stagings = (Number) entityManager.createNativeQuery("select count(*) from intake_staging")
                .getSingleResult();
        return stagings.longValue() > 0;
    }

    /**
     * Each source's batches and the rows they brought, as the ledger counts them. A batch still being stored counts
     * for nothing yet (its counts are not final), though it may be the source's last batch; a replaced batch counts
     * as a batch, but its rows are its replacement's; a discarded batch counts as a batch that brought no rows.
     */
    public List<SourceHealth> health() {
        return health(false);
    }

    /**
     * As {@link #health()}; with {@code heldAsLastCounted} the records held (and unmatched now) are those last
     * counted rather than counted again when the ledger moved: for monitoring while the store is busy.
     */
    public List<SourceHealth> health(boolean heldAsLastCounted) {
        List<Object[]> totals = entityManager.createQuery("""
                select b.source, b.kind, sum(case when b.status = :beingStored then 0 else 1 end),
                       sum(case when b.status in (:replaced, :beingStored, :discarded) then 0 else b.rowsAccepted end),
                       sum(case when b.status in (:replaced, :beingStored, :discarded) then 0 else b.rowsQuarantined end),
                       sum(case when b.status in (:replaced, :beingStored, :discarded) then 0 else b.rowsUnmatched end),
                       max(case when b.status = :accepted then b.newestRecordAt else null end)
                from SourceBatch b
                group by b.source, b.kind
                order by b.source, b.kind""", Object[].class)
                .setParameter("replaced", BatchStatus.REPLACED)
                .setParameter("beingStored", BatchStatus.BEING_STORED)
                .setParameter("discarded", BatchStatus.DISCARDED)
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .getResultList();
        // Read after the totals: batches are only ever added, so every source counted has its last batch
        // here even when another file is stored between the two queries.
        Map<SourceKey, SourceBatch> lastBatches = lastBatchOfEachSource();
        Map<SourceKey, long[]> held = heldAsLastCounted ? heldRecords.lastCounted(entityManager)
                : heldRecords.bySource(entityManager);
        return totals.stream()
                .map(row -> {
                    SourceKey key = new SourceKey((String) row[0], (SourceKind) row[1]);
                    long[] heldNow = held.getOrDefault(key, new long[2]);
                    return new SourceHealth(key.source(), key.kind().name(), (Long) row[2], (Long) row[3],
                            (Long) row[4], (Long) row[5], (LocalDateTime) row[6],
                            SourceHealth.LastBatch.of(lastBatches.get(key)), heldNow[0], heldNow[1]);
                })
                .toList();
    }


    /** The most recently received batch of each source (and kind); of two received at once, the later id. */
    private Map<SourceKey, SourceBatch> lastBatchOfEachSource() {
        BinaryOperator<SourceBatch> later = BinaryOperator.maxBy(Comparator.comparing(SourceBatch::getId));
        return entityManager.createQuery("""
                select b from SourceBatch b
                where b.receivedAt = (select max(l.receivedAt) from SourceBatch l
                                      where l.source = b.source and l.kind = b.kind)""", SourceBatch.class)
                .getResultStream()
                .collect(Collectors.toMap(batch -> new SourceKey(batch.getSource(), batch.getKind()), batch -> batch,
                        later));
    }

    /** A source by name and kind. */
    record SourceKey(String source, SourceKind kind) {
    }
}
