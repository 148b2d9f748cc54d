package org.rapport.engine.intake;

import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Where an operator gives up a batch an intake left half written ({@link BatchStatus#BEING_STORED}) whose file will
 * not come again under its name: it would otherwise hold its months' runs for ever, since only the same file (which
 * goes on with it) or a corrected file of the same name (which takes its place) ends it. Discarding it is what a
 * corrected file with no rows would do: every record it holds and its quarantined rows are deleted — records it had
 * taken over from earlier deliveries with it (those it updated, and those it repeated of an earlier file of its name
 * that it was to replace), as a replacement deletes a replaced batch's; the receipt says how many, and replaying those
 * deliveries stores them again; records it only repeated of other files stay theirs — and it becomes
 * {@link BatchStatus#DISCARDED}, counting for nothing. Its file delivered later is stored as a new batch.
 * <p>
 * Refused, with nothing changed, for a batch that is not half written, one an intake of this server is writing now,
 * and a staged file's, which is finished from its staging ({@link HalfStoredFiles}). Works in the caller's
 * transaction, the batch locked for its length: an intake taking the file up meanwhile finds it discarded at its
 * next chunk and writes nothing more into it.
 */
final class BatchDiscard {

    private final EntityManager entityManager;

    BatchDiscard(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @throws BatchNotDiscardable when the batch cannot be discarded; nothing was changed */
    IntakeReceipt discard(long batchId) {
        SourceBatch batch = entityManager.find(SourceBatch.class, batchId, LockModeType.PESSIMISTIC_WRITE);
        if (batch == null) {
            throw new BatchNotDiscardable(BatchNotDiscardable.Reason.NO_SUCH_BATCH, "There is no batch " + batchId);
        }
        String named = "Batch " + batchId + " ('" + batch.getName() + "')";
        if (batch.getStatus() != BatchStatus.BEING_STORED) {
            throw new BatchNotDiscardable(BatchNotDiscardable.Reason.NOT_HALF_WRITTEN, named + " is "
                    + batch.getStatus() + ": only a batch left half written can be discarded; a stored file is"
                    + " corrected by delivering the corrected file under the same name");
        }
        if (ChunkedIntake.isLive(batchId)) {
            throw new BatchNotDiscardable(BatchNotDiscardable.Reason.BEING_WRITTEN, named
                    + " is being written now; it is accepted when its last chunk is");
        }
        BatchReplacement rows = new BatchReplacement(entityManager);
        if (rows.staged(batchId)) {
            throw new BatchNotDiscardable(BatchNotDiscardable.Reason.STAGED, named + " is staged whole and is"
                    + " finished from its staging (rapport.intake.half-stored-after-minutes) without its file");
        }
        int withdrawn = rows.withdrawRows(batchId);
        batch.discarded(withdrawn);
        // what it held beyond what it added, it had taken over from earlier deliveries
        int takenOver = Math.max(0, withdrawn - batch.getRowsNew());
        return new IntakeReceipt(batchId, BatchStatus.DISCARDED, 0, 0, 0, null, List.of(),
                message(named, withdrawn, takenOver), IntakeReceipt.Changes.of(batch));
    }

    private static String message(String named, int withdrawn, int takenOver) {
        String message = named + " discarded: " + withdrawn + " record(s) it held withdrawn with its quarantined"
                + " rows; its file delivered again is stored as a new batch.";
        if (takenOver == 0) {
            return message;
        }
        return message + " " + takenOver + " of those records were earlier deliveries' until it updated them (or"
                + " repeated them in place of an earlier file of its name): replay those deliveries to store them again.";
    }
}
