package org.rapport.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.QuarantineEntry;

/**
 * A quarantined row as the integration team reads it ({@link QuarantineEntry}), with what became of it:
 * {@code batchStatus} is its batch's, and {@code supersededBy} names the batch that stored a corrected file
 * of the same source and name after this one was refused as a whole — the refusal is then history, not a
 * problem still open.
 */
public record QuarantineView(long id, long batchId, String kind, String source, String fileName, Instant receivedAt,
        long line, String field, String reason, String rawText, String batchStatus, Long supersededBy) {

    /** A batch that stored its file, whether or not a later one has since taken its place. */
    private static final java.util.Set<String> STORED = java.util.Set.of(BatchStatus.ACCEPTED.name(),
            BatchStatus.REPLACED.name());

    /** The rows, each with its batch's fate as the ledger's {@code batches} (newest first) tell it. */
    static List<QuarantineView> of(List<QuarantineEntry> rows, List<BatchEntry> batches) {
        Map<Long, BatchEntry> byId = batches.stream().collect(Collectors.toMap(BatchEntry::id, Function.identity(),
                (first, second) -> first));
        return rows.stream().map(row -> {
            BatchEntry batch = byId.get(row.batchId());
            Long supersededBy = batch == null || !BatchStatus.REJECTED.name().equals(batch.status()) ? null
                    : batches.stream()
                            .filter(later -> later.id() > batch.id() && STORED.contains(later.status()))
                            .filter(later -> Objects.equals(later.source(), batch.source())
                                    && Objects.equals(later.kind(), batch.kind())
                                    && Objects.equals(later.fileName(), batch.fileName()))
                            .map(BatchEntry::id).min(Long::compare).orElse(null);
            return new QuarantineView(row.id(), row.batchId(), row.kind(), row.source(), row.fileName(), row.receivedAt(),
                    row.line(), row.field(), row.reason(), row.rawText(), batch == null ? null : batch.status(),
                    supersededBy);
        }).toList();
    }
}
