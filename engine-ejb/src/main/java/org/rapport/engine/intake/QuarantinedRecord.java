package org.rapport.engine.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A row that could not be taken as it was: kept with its place and reason, never dropped. */
@Entity
@Table(name = "quarantined_record", indexes = @Index(name = "ix_quarantined_batch", columnList = "batch_id, line"))
public class QuarantinedRecord {

    static final int REASON_LENGTH = 1024;
    static final int RAW_TEXT_LENGTH = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "batch_id", nullable = false)
    private SourceBatch batch;

    /** 1-based line in the file where the record starts. */
    @Column(nullable = false)
    private long line;

    /** The field at fault, or "(record)" when the row as a whole is wrong. */
    @Column(nullable = false, length = 128)
    private String field;

    @Column(nullable = false, length = 1024)
    private String reason;

    /** The raw text as delivered. Operational data, visible to the integration team only, never in a pack. */
    @Column(name = "raw_text", length = 4000)
    private String rawText;

    protected QuarantinedRecord() {
        // for JPA
    }

    public QuarantinedRecord(SourceBatch batch, long line, String field, String reason, String rawText) {
        this.batch = batch;
        this.line = line;
        this.field = field;
        this.reason = truncate(reason, REASON_LENGTH);
        this.rawText = truncate(rawText, RAW_TEXT_LENGTH);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public SourceBatch getBatch() {
        return batch;
    }

    public long getLine() {
        return line;
    }

    public String getField() {
        return field;
    }

    public String getReason() {
        return reason;
    }

    public String getRawText() {
        return rawText;
    }
}
