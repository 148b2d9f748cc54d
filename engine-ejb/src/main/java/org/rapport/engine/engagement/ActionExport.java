package org.rapport.engine.engagement;

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

/**
 * One export of a run's action list to the CRM, as it ended: which run, how many actions, where to,
 * when, delivered or not and after how many attempts. The run is kept by id, as the actions are.
 */
@Entity
@Table(name = "customer_action_export",
        indexes = @Index(name = "ix_customer_action_export_run", columnList = "run_id, destination"))
public class ActionExport {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private ActionExportDestination destination;

    /** The file written or the URL posted to. */
    @Column(nullable = false, length = 1024)
    private String target;

    @Column(nullable = false)
    private int actions;

    @Column(name = "exported_at", nullable = false)
    private Instant exportedAt;

    @Column(nullable = false)
    private boolean delivered;

    @Column(nullable = false)
    private int attempts;

    /** Why the last attempt failed: the technical error only, never the list's content. */
    @Column(length = 1024)
    private String failure;

    protected ActionExport() {
        // for JPA
    }

    public ActionExport(long runId, ActionExportDestination destination, String target, int actions,
            Instant exportedAt, boolean delivered, int attempts, String failure) {
        this.runId = runId;
        this.destination = destination;
        this.target = target.length() <= 1024 ? target : target.substring(0, 1024);
        this.actions = actions;
        this.exportedAt = exportedAt;
        this.delivered = delivered;
        this.attempts = attempts;
        this.failure = failure == null || failure.length() <= 1024 ? failure : failure.substring(0, 1024);
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public ActionExportDestination getDestination() {
        return destination;
    }

    public String getTarget() {
        return target;
    }

    public int getActions() {
        return actions;
    }

    public Instant getExportedAt() {
        return exportedAt;
    }

    public boolean isDelivered() {
        return delivered;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getFailure() {
        return failure;
    }
}
