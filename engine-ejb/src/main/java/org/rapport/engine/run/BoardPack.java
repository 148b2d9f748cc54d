package org.rapport.engine.run;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The published PDF of a run, kept in the archive with its SHA-256 so a copy can be verified. */
@Entity
@Table(name = "board_pack")
public class BoardPack {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false, unique = true)
    private Run run;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] pdf;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** The snapshot the PDF was rendered from (JSON), for re-rendering the archived month unchanged. */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "snapshot_json")
    private String snapshotJson;

    /** Where the file copy was written, for operators. */
    @Column(name = "file_path", length = 1024)
    private String filePath;

    @Column(length = 2000)
    private String recipients;

    /** Null while the pack is rendered but not yet published. */
    @Column(name = "published_at")
    private Instant publishedAt;

    protected BoardPack() {
        // for JPA
    }

    /** A pack rendered for a run from {@code snapshotJson}, not yet published. */
    public BoardPack(Run run, byte[] pdf, String sha256, String snapshotJson) {
        this.run = run;
        this.pdf = pdf.clone();
        this.sha256 = sha256;
        this.snapshotJson = snapshotJson;
    }

    public String getSnapshotJson() {
        return snapshotJson;
    }

    void published(String filePath, Instant at) {
        this.filePath = filePath;
        this.publishedAt = at;
    }

    public boolean isPublished() {
        return publishedAt != null;
    }

    public Long getId() {
        return id;
    }

    public Run getRun() {
        return run;
    }

    public byte[] getPdf() {
        return pdf.clone();
    }

    public String getSha256() {
        return sha256;
    }

    public String getFilePath() {
        return filePath;
    }

    public String getRecipients() {
        return recipients;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
