package org.rapport.engine.intake;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * How a source's deliveries stand, from the ledger. Totals count the rows the store holds now: those
 * of accepted batches, and the reason row of each rejected one; replaced batches no longer count,
 * duplicates never did.
 *
 * @param source          the source's name
 * @param kind            what it delivers
 * @param batches         every delivery the ledger recorded, whatever became of it
 * @param rowsAccepted    rows stored
 * @param rowsQuarantined rows in quarantine
 * @param rowsUnmatched   contact rows whose customer was blank or unknown when they were stored, summed over
 *                        the deliveries (a record delivered twice counts twice)
 * @param newestRecordAt  the newest time any stored row of the source states (lag: now minus this), or null
 * @param lastBatch       the most recently received delivery
 * @param recordsHeld     the records of the source the store holds now, each once
 * @param unmatchedNow    of those, the contact records whose customer is blank or not a customer the store
 *                        knows now: a customer delivered after its calls matches them without a re-delivery
 */
public record SourceHealth(String source, String kind, long batches, long rowsAccepted, long rowsQuarantined,
        long rowsUnmatched, LocalDateTime newestRecordAt, LastBatch lastBatch, long recordsHeld, long unmatchedNow) {

    /** The most recent delivery of a source and what became of it. */
    public record LastBatch(long id, String fileName, Instant receivedAt, String status, int rowsAccepted,
            int rowsQuarantined, int rowsUnmatched, String message) {

        /** The batch as a last batch; null stays null. */
        static LastBatch of(SourceBatch batch) {
            if (batch == null) {
                return null;
            }
            return new LastBatch(batch.getId(), batch.getName(), batch.getReceivedAt(), batch.getStatus().name(),
                    batch.getRowsAccepted(), batch.getRowsQuarantined(), batch.getRowsUnmatched(), batch.getMessage());
        }
    }
}
