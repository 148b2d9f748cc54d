package org.rapport.engine.intake;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The idempotency ledger: one row per delivered file, keyed by the SHA-256 of its content, so the
 * same content is never counted twice and every figure can be traced back to the files behind it.
 */
@Entity
@Table(name = "source_batch", indexes = {
        @Index(name = "ix_source_batch_checksum", columnList = "kind, checksum"),
        @Index(name = "ix_source_batch_received", columnList = "received_at"),
        @Index(name = "ix_source_batch_source_name", columnList = "source, name")})
public class SourceBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private SourceKind kind;

    /** The source this came from, e.g. "sample-crm". */
    @Column(nullable = false, length = 128)
    private String source;

    /** The file name as delivered. */
    @Column(nullable = false, length = 512)
    private String name;

    /** SHA-256 of the content, hex. */
    @Column(nullable = false, length = 64)
    private String checksum;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private BatchStatus status;

    @Column(name = "rows_accepted", nullable = false)
    private int rowsAccepted;

    @Column(name = "rows_quarantined", nullable = false)
    private int rowsQuarantined;

    /** For a duplicate: the batch that first brought this content. */
    @Column(name = "duplicate_of")
    private Long duplicateOf;

    /** For a rejected file: why, naming the line and field. */
    @Column(length = 1024)
    private String message;

    /*
     * The columns below came after the first installations: they carry a default so that a schema
     * update can add them to a ledger that already has rows.
     */

    /** Contact rows whose customer was blank or not a known customer when they were stored; kept, not dropped. */
    @Column(name = "rows_unmatched", nullable = false, columnDefinition = "integer default 0 not null")
    private int rowsUnmatched;

    /** The newest time a stored row states (a call's start, a response's time…), for the lag of a source. */
    @Column(name = "newest_record_at")
    private LocalDateTime newestRecordAt;

    /** For a replaced batch: the batch whose rows took the place of its rows. */
    @Column(name = "replaced_by")
    private Long replacedBy;

    /** Where the transport kept the file once stored (file drop: its path under the intake folder), for a replay. */
    @Column(name = "kept_as", length = 1024)
    private String keptAs;

    /** For a replay being written a chunk at a time: the accepted batch it is to take the place of. */
    @Column(name = "replay_of")
    private Long replayOf;

    /**
     * For a file written a chunk at a time: how many of its rows, from its start, are committed. Moved by the chunks'
     * own statements only ({@link BatchStore#writeChunk}), never by this entity.
     */
    @Column(name = "rows_committed", nullable = false, insertable = false, updatable = false)
    private int rowsCommitted;

    /*
     * Each record is stored once by its key: of the rows accepted, how many were records the store did not
     * hold, how many changed a record it held (the newer values won), and how many repeated one unchanged.
     */

    @Column(name = "rows_new", nullable = false, columnDefinition = "integer default 0 not null")
    private int rowsNew;

    @Column(name = "rows_updated", nullable = false, columnDefinition = "integer default 0 not null")
    private int rowsUpdated;

    @Column(name = "rows_unchanged", nullable = false, columnDefinition = "integer default 0 not null")
    private int rowsUnchanged;

    /** For a correction or a replay: records of the batches it replaced that it no longer carries, deleted. */
    @Column(name = "rows_withdrawn", nullable = false, columnDefinition = "integer default 0 not null")
    private int rowsWithdrawn;

    /**
     * Whether the months this delivery touches have been put in the intake-triggered runs' queue: false
     * from storage until then, so a restart between the two finds it again.
     */
    @Column(name = "run_planned", nullable = false)
    private boolean runPlanned;

    protected SourceBatch() {
        // for JPA
    }

    public SourceBatch(SourceKind kind, String source, String name, String checksum, Instant receivedAt) {
        this.kind = kind;
        this.source = source;
        this.name = name;
        this.checksum = checksum;
        this.receivedAt = receivedAt;
        this.status = BatchStatus.ACCEPTED;
    }

    public Long getId() {
        return id;
    }

    public SourceKind getKind() {
        return kind;
    }

    public String getSource() {
        return source;
    }

    public String getName() {
        return name;
    }

    public String getChecksum() {
        return checksum;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public BatchStatus getStatus() {
        return status;
    }

    public int getRowsAccepted() {
        return rowsAccepted;
    }

    public int getRowsQuarantined() {
        return rowsQuarantined;
    }

    public Long getDuplicateOf() {
        return duplicateOf;
    }

    public String getMessage() {
        return message;
    }

    public int getRowsUnmatched() {
        return rowsUnmatched;
    }

    public LocalDateTime getNewestRecordAt() {
        return newestRecordAt;
    }

    public Long getReplacedBy() {
        return replacedBy;
    }

    public String getKeptAs() {
        return keptAs;
    }

    public int getRowsNew() {
        return rowsNew;
    }

    public int getRowsUpdated() {
        return rowsUpdated;
    }

    public int getRowsUnchanged() {
        return rowsUnchanged;
    }

    public boolean isRunPlanned() {
        return runPlanned;
    }

    public int getRowsWithdrawn() {
        return rowsWithdrawn;
    }

    void counted(int accepted, int quarantined) {
        this.rowsAccepted = accepted;
        this.rowsQuarantined = quarantined;
    }

    void counted(BatchWriter written, int withdrawn) {
        counted(written.accepted(), written.quarantined(), written.unmatched(), written.newestRecordAt(),
                written.inserted(), written.updated(), written.unchanged(), withdrawn);
    }

    void counted(int accepted, int quarantined, int unmatched, LocalDateTime newest, int inserted, int updated,
            int unchanged, int withdrawn) {
        this.rowsAccepted = accepted;
        this.rowsQuarantined = quarantined;
        this.rowsUnmatched = unmatched;
        this.newestRecordAt = newest;
        this.rowsNew = inserted;
        this.rowsUpdated = updated;
        this.rowsUnchanged = unchanged;
        this.rowsWithdrawn = withdrawn;
    }

    /** A file whose rows are made this batch a part at a time: counted for nothing until {@link #storedWhole}. */
    void beingStored(int accepted, int quarantined, int unmatched, LocalDateTime newest) {
        this.status = BatchStatus.BEING_STORED;
        this.rowsAccepted = accepted;
        this.rowsQuarantined = quarantined;
        this.rowsUnmatched = unmatched;
        this.newestRecordAt = newest;
    }

    /** Its last part is merged: the batch counts from now on. */
    void storedWhole(int withdrawn) {
        this.status = BatchStatus.ACCEPTED;
        this.rowsWithdrawn = withdrawn;
    }

    /** A replay of {@code replayed}, its kept file read again: it replaces that batch alone once stored whole. */
    void replayOf(long replayed) {
        this.replayOf = replayed;
    }

    /** The batch this one, still being stored, replays; null when it is a delivery of its own. */
    Long getReplayOf() {
        return replayOf;
    }

    int getRowsCommitted() {
        return rowsCommitted;
    }

    void keptAs(String place) {
        this.keptAs = place;
    }

    void replacedBy(long batchId) {
        this.status = BatchStatus.REPLACED;
        this.replacedBy = batchId;
    }

    /** Given up half written: its {@code withdrawn} records are deleted, it counts for nothing. */
    void discarded(int withdrawn) {
        this.status = BatchStatus.DISCARDED;
        this.rowsWithdrawn = withdrawn;
    }

    void markDuplicateOf(Long originalBatchId) {
        this.status = BatchStatus.DUPLICATE;
        this.duplicateOf = originalBatchId;
    }

    void reject(String reason) {
        this.status = BatchStatus.REJECTED;
        this.message = reason;
    }
}
