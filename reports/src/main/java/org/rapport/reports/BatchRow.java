package org.rapport.reports;

import org.rapport.engine.snapshot.BatchLine;

/**
 * One source file in the pack's lineage table. A JavaBean for JRBeanCollectionDataSource.
 */
public final class BatchRow {

    /**
     * Enough of the SHA-256 to find the file in the batch ledger by eye; the full digest would not fit
     * the column and adds nothing a reader can check on paper.
     */
    static final int CHECKSUM_PREFIX_LENGTH = 12;

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

    static BatchRow of(BatchLine batch) {
        return new BatchRow(batch.kind(), batch.fileName(), checksumPrefix(batch.sha256()),
                CountFormat.of(batch.rowsAccepted()), CountFormat.of(batch.rowsQuarantined()));
    }

    static String checksumPrefix(String sha256) {
        if (sha256 == null) {
            return "";
        }
        return sha256.length() <= CHECKSUM_PREFIX_LENGTH ? sha256 : sha256.substring(0, CHECKSUM_PREFIX_LENGTH) + "…";
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
