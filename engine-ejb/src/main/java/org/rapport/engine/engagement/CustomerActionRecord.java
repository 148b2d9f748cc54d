package org.rapport.engine.engagement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.rapport.rules.facts.ActionKind;

/**
 * Something the CRM should do about one customer, raised by the scoring rules of a run: the action list
 * the integration layer exports to the CRM. It names a customer, so it never reaches a run snapshot or a
 * board pack. The run is kept by id rather than as a foreign key: an action list is a work list for the
 * CRM, and erasing or re-scoring a run's customers must never be blocked by it.
 */
@Entity
@Table(name = "customer_action", indexes = @Index(name = "ix_customer_action_run", columnList = "run_id, customer_ref"))
public class CustomerActionRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "customer_ref", nullable = false, length = 64)
    private String customerRef;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private ActionKind kind;

    /** The figures behind the action; no personal data. */
    @Column(nullable = false, length = 1000)
    private String reason;

    protected CustomerActionRecord() {
        // for JPA
    }

    public CustomerActionRecord(long runId, String customerRef, ActionKind kind, String reason) {
        this.runId = runId;
        this.customerRef = customerRef;
        this.kind = kind;
        this.reason = reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 1000);
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public String getCustomerRef() {
        return customerRef;
    }

    public ActionKind getKind() {
        return kind;
    }

    public String getReason() {
        return reason;
    }
}
