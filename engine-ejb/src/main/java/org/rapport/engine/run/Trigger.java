package org.rapport.engine.run;

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

import org.rapport.engine.action.ActionStatus;

/**
 * A process-improvement trigger a run raised, as stored for the pack and for follow-up: once the run is
 * published it is an action point whose status the CCO's team maintains (see {@link ActionStatus}).
 */
@Entity
@Table(name = "improvement_trigger")
public class Trigger {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 256)
    private String title;

    @Column(nullable = false, length = 16)
    private String pillar;

    @Column(nullable = false, length = 16)
    private String severity;

    @Column(nullable = false, length = 2000)
    private String evidence;

    /** Who should act; empty until someone takes it. */
    @Column(length = 128)
    private String owner;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private ActionStatus status = ActionStatus.OPEN;

    /** When and by whom the status last changed; null while it is the OPEN it was raised with. */
    @Column(name = "status_changed_at")
    private Instant statusChangedAt;

    @Column(name = "status_changed_by", length = 128)
    private String statusChangedBy;

    protected Trigger() {
        // for JPA
    }

    public Trigger(Run run, String code, String title, String pillar, String severity, String evidence) {
        this.run = run;
        this.code = code;
        this.title = title;
        this.pillar = pillar;
        this.severity = severity;
        this.evidence = evidence;
    }

    public Long getId() {
        return id;
    }

    public Run getRun() {
        return run;
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public String getPillar() {
        return pillar;
    }

    public String getSeverity() {
        return severity;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getOwner() {
        return owner;
    }

    public ActionStatus getStatus() {
        return status;
    }

    public Instant getStatusChangedAt() {
        return statusChangedAt;
    }

    public String getStatusChangedBy() {
        return statusChangedBy;
    }

    /**
     * Records the team's new status; the caller has checked the move is allowed and keeps the audit
     * record (the status alone does not say who changed what, when and why).
     */
    public void statusChanged(ActionStatus next, String by, Instant at) {
        this.status = next;
        this.statusChangedBy = by;
        this.statusChangedAt = at;
    }
}
