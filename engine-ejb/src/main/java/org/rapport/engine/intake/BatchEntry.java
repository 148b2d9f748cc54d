package org.rapport.engine.intake;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A delivered file as the ledger records it.
 *
 * @param rowsUnmatched  contact rows stored whose customer was blank or unknown at the time
 * @param newestRecordAt the newest time a stored row states, local as the source states it
 * @param replacedBy     for a replaced batch, the batch that took its place
 * @param keptAs         where the transport kept the file once stored (file drop: path under the intake folder)
 * @param changes        what its rows did to the records held: added, updated, unchanged, withdrawn
 * @param runPlanned     whether the months its new and changed records fall in have been queued for intake
 *                       runs (false while intake has not been quiet since it was stored); a file that changed
 *                       nothing touches no month
 * @param rowsWritten    for a file being written a chunk at a time, how many of its rows (accepted and quarantined)
 *                       are stored so far; null otherwise
 * @param replayOf       for a replay being stored, the batch it is to take the place of; null otherwise
 */
public record BatchEntry(long id, String kind, String source, String fileName, String checksum, Instant receivedAt,
        String status, int rowsAccepted, int rowsQuarantined, int rowsUnmatched, LocalDateTime newestRecordAt,
        Long duplicateOf, Long replacedBy, String keptAs, String message, IntakeReceipt.Changes changes,
        boolean runPlanned, Integer rowsWritten, Long replayOf) {

    /** An entry whose changes to the records held are not told (none). */
    public BatchEntry(long id, String kind, String source, String fileName, String checksum, Instant receivedAt,
            String status, int rowsAccepted, int rowsQuarantined, int rowsUnmatched, LocalDateTime newestRecordAt,
            Long duplicateOf, Long replacedBy, String keptAs, String message) {
        this(id, kind, source, fileName, checksum, receivedAt, status, rowsAccepted, rowsQuarantined, rowsUnmatched,
                newestRecordAt, duplicateOf, replacedBy, keptAs, message, IntakeReceipt.Changes.NONE, false, null, null);
    }

    static BatchEntry of(SourceBatch batch) {
        boolean beingStored = batch.getStatus() == BatchStatus.BEING_STORED;
        return new BatchEntry(batch.getId(), batch.getKind().name(), batch.getSource(), batch.getName(),
                batch.getChecksum(), batch.getReceivedAt(), batch.getStatus().name(), batch.getRowsAccepted(),
                batch.getRowsQuarantined(), batch.getRowsUnmatched(), batch.getNewestRecordAt(),
                batch.getDuplicateOf(), batch.getReplacedBy(), batch.getKeptAs(), batch.getMessage(),
                IntakeReceipt.Changes.of(batch), batch.isRunPlanned(),
                beingStored && batch.getRowsCommitted() > 0 ? batch.getRowsCommitted() : null,
                beingStored ? batch.getReplayOf() : null);
    }
}
