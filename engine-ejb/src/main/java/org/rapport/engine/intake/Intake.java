package org.rapport.engine.intake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.ejb.Local;

/**
 * Where every source delivers its files. A file is stored whole or not at all: in a transaction of its own, or
 * on PostgreSQL, for contact records, staged and then merged a part per transaction under a batch that counts for
 * nothing until its last part is merged ({@link BatchStatus#BEING_STORED}). The view is local, so a
 * {@link Delivery}'s content is called back by reference, on the caller's thread.
 */
@Local
public interface Intake {

    /**
     * Stores a file a format adapter has read whole: its records, its quarantined rows and its ledger
     * entry. For tests and small files; transports use {@link #store(Delivery)}.
     */
    IntakeReceipt store(IntakeBatch batch);

    /**
     * Stores a delivered file while it is read. Content accepted before (same kind, same SHA-256) is
     * recorded as a duplicate without being read. A file refused partway leaves none of its rows, only
     * its rejection in the ledger. A file of the same source and name with other content replaces the
     * earlier accepted one (see {@link BatchReplacement}).
     */
    IntakeReceipt store(Delivery delivery);

    /**
     * Stores the kept file of an accepted batch again, read with the source's current definition, in
     * place of that batch: its rows and quarantined rows are replaced atomically by the new reading.
     *
     * @throws BatchNotReplayable when the batch is unknown or not accepted, or the delivery is not its file
     */
    IntakeReceipt replay(long batchId, Delivery delivery);

    /**
     * Finishes the files an intake left part merged (its process stopped, its database went away) and no intake has
     * touched for {@code untouchedFor}, from what was staged of them: their batches are accepted without the files
     * being delivered again. A file written a chunk at a time without staging (on H2, and customers) is not kept
     * whole anywhere until it is stored: it is finished when it is delivered again, never here.
     *
     * @return the receipts of the files finished
     */
    List<IntakeReceipt> finishHalfStored(Duration untouchedFor);

    /**
     * Gives up a batch an intake left half written whose file will not be delivered again ({@link BatchDiscard}): the
     * records it holds are withdrawn and it no longer holds its months' runs.
     *
     * @throws BatchNotDiscardable when the batch is unknown, not half written, being written now or staged whole
     */
    IntakeReceipt discard(long batchId);

    /** A batch of the ledger, for a replay to find its file. */
    Optional<BatchEntry> find(long batchId);
}
