package org.rapport.engine.ruleset;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The audit trail of which rule-set version went live, who made it so, when, and why. */
@Entity
@Table(name = "rule_set_activation")
public class RuleSetActivation {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false)
    private RuleSetVersion version;

    @Column(name = "activated_by", nullable = false, length = 128)
    private String activatedBy;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    @Column(name = "comment_text", length = 1000)
    private String comment;

    /** True when this activation went back to an earlier version. */
    @Column(nullable = false)
    private boolean rollback;

    protected RuleSetActivation() {
        // for JPA
    }

    public RuleSetActivation(RuleSetVersion version, String activatedBy, Instant activatedAt, String comment,
            boolean rollback) {
        this.version = version;
        this.activatedBy = activatedBy;
        this.activatedAt = activatedAt;
        this.comment = comment;
        this.rollback = rollback;
    }

    public RuleSetVersion getVersion() {
        return version;
    }

    public String getActivatedBy() {
        return activatedBy;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public String getComment() {
        return comment;
    }

    public boolean isRollback() {
        return rollback;
    }
}
