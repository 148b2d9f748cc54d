package org.rapport.engine.intake;

/**
 * Fired when a delivered file was stored (or a half-written one discarded), so the monthly run can follow new data.
 */
public record BatchStored(long batchId, SourceKind kind, BatchStatus status) {
}
