package org.rapport.engine.action;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.rapport.engine.run.Trigger;

/** The audit trail of an action point's status: who moved it from what to what, when, and why. */
@Entity
@Table(name = "action_status_change")
public class ActionStatusChange {

    /** A note is free text kept for the audit; as long as a trigger's evidence. */
    public static final int NOTE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trigger_id", nullable = false)
    private Trigger action;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_status", nullable = false, length = 16)
    private ActionStatus from;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_status", nullable = false, length = 16)
    private ActionStatus to;

    @Column(name = "note_text", length = NOTE_LENGTH)
    private String note;

    @Column(name = "changed_by", nullable = false, length = 128)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected ActionStatusChange() {
        // for JPA
    }

    public ActionStatusChange(Trigger action, ActionStatus from, ActionStatus to, String note, String changedBy,
            Instant changedAt) {
        this.action = action;
        this.from = from;
        this.to = to;
        this.note = note;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public Trigger getAction() {
        return action;
    }

    public ActionStatus getFrom() {
        return from;
    }

    public ActionStatus getTo() {
        return to;
    }

    public String getNote() {
        return note;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
