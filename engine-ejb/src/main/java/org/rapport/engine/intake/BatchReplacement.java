package org.rapport.engine.intake;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Where a corrected re-delivery takes the place of what it corrects. The policy:
 * <ul>
 * <li>A file delivered again by the same source under the same name, with other content (another
 * SHA-256), replaces the earlier batch of that name that is still {@link BatchStatus#ACCEPTED}: the
 * earlier batch's purchases, calls, survey responses, service cases and quarantined rows are deleted,
 * the earlier batch becomes {@link BatchStatus#REPLACED} and names the batch that replaced it.</li>
 * <li>Customers are not deleted: they are upserts by external id, so the corrected file's customers
 * simply take the newer values (a customer only the earlier file named stays as it was).</li>
 * <li>Content identical to an accepted batch (whatever its name) is a duplicate: recorded and
 * skipped, it replaces nothing.</li>
 * <li>A replay (the kept file read again after a mapping fix) replaces the one batch it names, since
 * its content, and so its checksum, is unchanged.</li>
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

    /** Replaces the accepted batches of the same source and file name as {@code newBatch}; returns their ids. */
    List<Long> replaceEarlierDeliveries(SourceBatch newBatch) {
        List<SourceBatch> earlier = entityManager.createQuery("""
                select b from SourceBatch b
                where b.source = :source and b.name = :name and b.kind = :kind and b.status = :accepted
                  and b.id <> :newBatch
                order by b.id""", SourceBatch.class)
                .setParameter("source", newBatch.getSource())
                .setParameter("name", newBatch.getName())
                .setParameter("kind", newBatch.getKind())
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setParameter("newBatch", newBatch.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        earlier.forEach(batch -> replace(batch, newBatch.getId()));
        return earlier.stream().map(SourceBatch::getId).toList();
    }

    /** Deletes the rows of {@code replaced} and marks it replaced by {@code replacement}. */
    void replace(SourceBatch replaced, long replacement) {
        for (String entity : ROWS_OF_A_BATCH) {
            entityManager.createQuery("delete from " + entity + " r where r.batch.id = :batch")
                    .setParameter("batch", replaced.getId())
                    .executeUpdate();
        }
        // Its counts stay: the ledger tells what the batch once brought.
        replaced.replacedBy(replacement);
    }
}
