package org.rapport.engine.intake;

import java.time.Instant;

/** A quarantined row as the integration team sees it: where it came from and what is wrong. */
public record QuarantineEntry(long id, long batchId, String kind, String source, String fileName,
        Instant receivedAt, long line, String field, String reason, String rawText) {
}
