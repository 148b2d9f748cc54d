package org.rapport.engine.servicecase;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.rapport.engine.intake.IngestedRecord;
import org.rapport.engine.intake.SourceBatch;

/** A complaint, compliment, request, enquiry or call-back logged in the CRM. */
@Entity
@Table(name = "service_case", indexes = {
        @Index(name = "ix_service_case_opened", columnList = "opened_at"),
        // a corrected re-delivery or a replay deletes a batch's rows
        @Index(name = "ix_service_case_batch", columnList = "batch_id")})
public class ServiceCase extends IngestedRecord {

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(length = 32)
    private String channel;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ServiceCaseKind kind;

    @Column(length = 128)
    private String category;

    /** Free text as the customer or agent wrote it; scrubbed before it is ever shown in a pack. */
    @Column(length = 4000)
    private String text;

    protected ServiceCase() {
        // for JPA
    }

    public ServiceCase(SourceBatch batch, String customerRef, Instant openedAt, Instant closedAt, String channel,
            ServiceCaseKind kind, String category, String text) {
        super(batch, customerRef);
        this.openedAt = openedAt;
        this.closedAt = closedAt;
        this.channel = channel;
        this.kind = kind;
        this.category = category;
        this.text = text;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getChannel() {
        return channel;
    }

    public ServiceCaseKind getKind() {
        return kind;
    }

    public String getCategory() {
        return category;
    }

    public String getText() {
        return text;
    }
}
