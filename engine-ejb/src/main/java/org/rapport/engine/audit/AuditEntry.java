package org.rapport.engine.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One change made through the API: who, when, what, to what. Never a secret or a row of data. */
@Entity
@Table(name = "audit_entry", indexes = @Index(name = "audit_entry_at", columnList = "recorded_at"))
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 128)
    private String recordedBy;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private AuditAction action;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(length = 500)
    private String detail;

    protected AuditEntry() {
        // for JPA
    }

    AuditEntry(Instant recordedAt, String recordedBy, AuditAction action, String subject, String detail) {
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.action = action;
        this.subject = subject;
        this.detail = detail;
    }

    public Long getId() {
        return id;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getSubject() {
        return subject;
    }

    public String getDetail() {
        return detail;
    }
}
