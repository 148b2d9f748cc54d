package org.rapport.engine.intake;

/** What the store made of a delivered file. */
public record IntakeReceipt(long batchId, BatchStatus status, int rowsAccepted, int rowsQuarantined,
        Long duplicateOf, String message) {
}
