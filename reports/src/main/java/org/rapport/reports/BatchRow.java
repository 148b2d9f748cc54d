package org.rapport.reports;

import org.rapport.engine.snapshot.BatchLine;

/**
 * One source file in the pack's lineage table. A JavaBean for JRBeanCollectionDataSource.
 */
public final class BatchRow {

    private final String kind;
    private final String fileName;
    private final String checksum;
    private final String rowsAccepted;
    private final String rowsQuarantined;

    private BatchRow(String kind, String fileName, String checksum, String rowsAccepted, String rowsQuarantined) {
        this.kind = kind;
        this.fileName = fileName;
        this.checksum = checksum;
        this.rowsAccepted = rowsAccepted;
        this.rowsQuarantined = rowsQuarantined;
    }

    /** The full SHA-256: the appendix prints it so a reader can check a file against the ledger. */
    static BatchRow of(BatchLine batch) {
        return new BatchRow(PackWording.source(batch.kind()), batch.fileName(),
                batch.sha256() == null ? "" : batch.sha256(),
                CountFormat.of(batch.rowsAccepted()), CountFormat.of(batch.rowsQuarantined()));
    }

    public String getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public String getChecksum() {
        return checksum;
    }

    public String getRowsAccepted() {
        return rowsAccepted;
    }

    public String getRowsQuarantined() {
        return rowsQuarantined;
    }
}
