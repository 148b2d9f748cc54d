package org.rapport.engine.intake;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Where a corrected re-delivery takes the place of what it corrects. The policy:
 * <ul>
 * <li>Every record is stored once per source and key ({@link RecordUpsert}) and belongs to the batch
 * that last set it; a record another file delivers again is updated, never stored twice.</li>
 * <li>A file delivered again by the same source under the same name, with other content (another
 * SHA-256), replaces the earlier batch of that name that is still {@link BatchStatus#ACCEPTED} (or was left half
 * written, {@link BatchStatus#BEING_STORED}, by an intake that stopped and will not finish it): the
 * records the earlier batch still holds are taken over by the new one where it delivers them again
 * (updated if they changed), and the rest — purchases, calls, survey responses, service cases it no
 * longer carries — are deleted with the earlier batch's quarantined rows, counted as withdrawn; the
 * earlier batch becomes {@link BatchStatus#REPLACED} and names the batch that replaced it. Records a
 * later file has set since belong to that file and stay.</li>
 * <li>Customers are not deleted: they are upserts by external id, so the corrected file's customers
 * simply take the newer values (a customer only the earlier file named stays as it was).</li>
 * <li>Content identical to an accepted batch (whatever its name) is a duplicate: recorded and
 * skipped, it replaces nothing.</li>
 * <li>A replay (the kept file read again after a mapping fix) replaces the one batch it names, since
 * its content, and so its checksum, is unchanged. It is not a newer delivery: records a later file has
 * set since keep that file's values.</li>
 * <li>The replacement happens in the transaction that stores the new rows, after they were all
 * written: a new delivery that is rejected, or fails, leaves the earlier batch as it was.</li>
 * </ul>
 * Works in the caller's transaction; the batches replaced are locked for its length.
 */
final class BatchReplacement {

    /** Every table holding a batch's rows, except customers (upserts, never deleted). */
    private static final List<String> ROWS_OF_A_BATCH = List.of("Purchase", "ServiceCase", "Call", "SurveyResponse",
            "QuarantinedRecord");

    private final EntityManager entityManager;

    BatchReplacement(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The batches of the same source and file name as {@code newBatch} that it will replace, locked for the rest of
     * the transaction: those accepted, and those an intake left half written before it ({@link #abandoned}).
     */
    List<Long> earlierDeliveries(SourceBatch newBatch) {
        List<SourceBatch> earlier = entityManager.createQuery("""
                select b from SourceBatch b
                where b.source = :source and b.name = :name and b.kind = :kind and b.id <> :newBatch
                  and (b.status = :accepted or (b.status = :beingStored and b.id < :newBatch))
                order by b.id""", SourceBatch.class)
                .setParameter("source", newBatch.getSource())
                .setParameter("name", newBatch.getName())
                .setParameter("kind", newBatch.getKind())
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setParameter("beingStored", BatchStatus.BEING_STORED)
                .setParameter("newBatch", newBatch.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        return earlier.stream()
                .filter(batch -> batch.getStatus() == BatchStatus.ACCEPTED || abandoned(batch))
                .map(SourceBatch::getId)
                .toList();
    }

    /**
     * Whether a batch being stored was left half written by an intake that will not finish it: written a chunk at a
     * time ({@link ChunkedIntake}) by no intake of this process. Its file's next delivery (or a replay's next replay)
     * would go on with it; a corrected file of the same name, delivered instead, takes its place as it takes an
     * accepted batch's. A staged file's batch is not: it is finished from its staging ({@link HalfStoredFiles}).
     */
    private boolean abandoned(SourceBatch batch) {
        return !ChunkedIntake.isLive(batch.getId()) && !staged(batch.getId());
    }

    /** Whether a batch being stored is a staged file's, which is finished from its staging ({@link HalfStoredFiles}). */
    boolean staged(long batchId) {
        return ((Number) entityManager.createNativeQuery("select count(*) from intake_staging where batch_id = ?")
                .setParameter(1, batchId).getSingleResult()).intValue() > 0;
    }

    /**
     * Deletes the rows {@code replaced} still holds and marks it replaced by {@code replacement}; returns
     * how many records (quarantined rows aside) were deleted. Call once the replacement's rows are written:
     * what they repeated has been taken over by then, so what is left is what the replacement withdrew.
     */
    int replace(SourceBatch replaced, long replacement) {
        int withdrawn = withdrawRows(replaced.getId());
        // Its counts stay: the ledger tells what the batch once brought.
        replaced.replacedBy(replacement);
        return withdrawn;
    }

    /**
     * Deletes every row batch {@code batchId} holds, its quarantined rows included, customers aside (upserts, never
     * deleted); returns how many records (quarantined rows aside) were deleted.
     */
    int withdrawRows(long batchId) {
        int withdrawn = 0;
        for (String entity : ROWS_OF_A_BATCH) {
            int deleted = entityManager.createQuery("delete from " + entity + " r where r.batch.id = :batch")
                    .setParameter("batch", batchId)
                    .executeUpdate();
            withdrawn += "QuarantinedRecord".equals(entity) ? 0 : deleted;
        }
        return withdrawn;
    }
}
