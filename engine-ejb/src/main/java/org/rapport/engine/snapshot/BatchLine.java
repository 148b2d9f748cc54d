package org.rapport.engine.snapshot;

/** One delivered file a run used, for the pack's lineage line. */
public record BatchLine(String kind, String fileName, String sha256, int rowsAccepted, int rowsQuarantined) {
}
