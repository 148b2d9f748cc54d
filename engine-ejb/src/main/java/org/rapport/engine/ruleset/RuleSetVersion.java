package org.rapport.engine.ruleset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A versioned bundle of rule files; each run records the version it used. */
@Entity
@Table(name = "rule_set_version")
public class RuleSetVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 128)
    private String label;

    /** SHA-256 over the files' names and contents: two versions with the same checksum are the same rules. */
    @Column(nullable = false, length = 64)
    private String checksum;

    @Column(nullable = false, length = 128)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private RuleSetStatus status;

    /** The version this one was copied from as a draft; null for the seeded default and for sets uploaded whole. */
    @Column(name = "based_on_id")
    private Long basedOnId;

    @Column(name = "validation_messages", length = 8000)
    private String validationMessages;

    @OneToMany(mappedBy = "version", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<RuleFile> files = new ArrayList<>();

    protected RuleSetVersion() {
        // for JPA
    }

    public RuleSetVersion(String label, String checksum, String author, Instant createdAt, RuleSetStatus status) {
        this.label = label;
        this.checksum = checksum;
        this.author = author;
        this.createdAt = createdAt;
        this.status = status;
    }

    public void addFile(String name, byte[] content) {
        files.add(new RuleFile(this, name, content));
    }

    /** Replaces the file of that name, or adds it. */
    void putFile(String name, byte[] content) {
        files.stream().filter(file -> file.getName().equals(name)).findFirst()
                .ifPresentOrElse(file -> file.setContent(content), () -> addFile(name, content));
    }

    /** Removes the file of that name; false when there is none. */
    boolean removeFile(String name) {
        return files.removeIf(file -> file.getName().equals(name));
    }

    void setChecksum(String checksum) {
        this.checksum = checksum;
    }

    public Long getBasedOnId() {
        return basedOnId;
    }

    void setBasedOnId(Long basedOnId) {
        this.basedOnId = basedOnId;
    }

    public Long getId() {
        return id;
    }

    public String getLabel() {
        return label;
    }

    public String getChecksum() {
        return checksum;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public RuleSetStatus getStatus() {
        return status;
    }

    public void setStatus(RuleSetStatus status) {
        this.status = status;
    }

    public String getValidationMessages() {
        return validationMessages;
    }

    public void setValidationMessages(String validationMessages) {
        this.validationMessages = validationMessages;
    }

    public List<RuleFile> getFiles() {
        return files;
    }

    /** How the pack and the API name this version, e.g. "v1 default (3f2a9c1b)". */
    public String describe() {
        return "v" + id + " " + label + " (" + checksum.substring(0, 8) + ")";
    }
}
