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
 */
public record IntakeReceipt(long batchId, BatchStatus status, int rowsAccepted, int rowsQuarantined,
        int rowsUnmatched, Long duplicateOf, List<Long> replaced, String message) {

    public IntakeReceipt {
        replaced = List.copyOf(replaced);
    }
}
