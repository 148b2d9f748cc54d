package org.rapport.engine.ruleset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One file of a rule-set version, stored byte for byte as its author wrote it. */
@Entity
@Table(name = "rule_file")
public class RuleFile {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false)
    private RuleSetVersion version;

    @Column(nullable = false, length = 256)
    private String name;

    @Lob
    @Column(nullable = false)
    private byte[] content;

    protected RuleFile() {
        // for JPA
    }

    RuleFile(RuleSetVersion version, String name, byte[] content) {
        this.version = version;
        this.name = name;
        this.content = content.clone();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** Only a draft's files change: an edit in the browser, before the draft is validated again. */
    void setContent(byte[] content) {
        this.content = content.clone();
    }

    public byte[] getContent() {
        return content.clone();
    }
}
