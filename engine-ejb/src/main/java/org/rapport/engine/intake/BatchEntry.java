package org.rapport.engine.intake;

import java.time.Instant;

/** A delivered file as the ledger records it. */
public record BatchEntry(long id, String kind, String source, String fileName, String checksum, Instant receivedAt,
        String status, int rowsAccepted, int rowsQuarantined, Long duplicateOf, String message) {
}
