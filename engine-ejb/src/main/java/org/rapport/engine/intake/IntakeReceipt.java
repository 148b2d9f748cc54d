package org.rapport.engine.intake;

import java.util.List;

/**
 * What the store made of a delivered file.
 *
 * @param batchId         its ledger entry
 * @param status          accepted, duplicate or rejected
 * @param rowsAccepted    rows stored
 * @param rowsQuarantined rows quarantined
 * @param rowsUnmatched   stored contact rows whose customer was blank or unknown
 * @param duplicateOf     for a duplicate, the batch that first brought the content
 * @param replaced        the batches whose rows this one replaced (a corrected re-delivery, a replay)
 * @param message         for a rejected file, why
 * @param changes         what the accepted rows did to the records the store holds
 */
public record IntakeReceipt(long batchId, BatchStatus status, int rowsAccepted, int rowsQuarantined,
        int rowsUnmatched, Long duplicateOf, List<Long> replaced, String message, Changes changes) {

    public IntakeReceipt {
        replaced = List.copyOf(replaced);
    }

    /** A receipt that changed no record (a duplicate, a rejection), or whose changes are not told. */
    public IntakeReceipt(long batchId, BatchStatus status, int rowsAccepted, int rowsQuarantined, int rowsUnmatched,
            Long duplicateOf, List<Long> replaced, String message) {
        this(batchId, status, rowsAccepted, rowsQuarantined, rowsUnmatched, duplicateOf, replaced, message,
                Changes.NONE);
    }

    /**
     * What a delivery's rows did to the records the store holds, each record being stored once by source and key.
     *
     * @param added     records the store did not hold
     * @param updated   rows that changed a record it held (the newer values won)
     * @param unchanged rows that repeated a record it held, as it was
     * @param withdrawn records of the batches this one replaced that it no longer carries, deleted
     */
    public record Changes(int added, int updated, int unchanged, int withdrawn) {

        public static final Changes NONE = new Changes(0, 0, 0, 0);

        static Changes of(SourceBatch batch) {
            return new Changes(batch.getRowsNew(), batch.getRowsUpdated(), batch.getRowsUnchanged(),
                    batch.getRowsWithdrawn());
        }
    }
}
