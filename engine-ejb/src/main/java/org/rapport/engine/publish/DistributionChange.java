package org.rapport.engine.publish;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The audit trail of the distribution list: who added or removed whom, and when. */
@Entity
@Table(name = "distribution_change")
public class DistributionChange {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 128)
    private String changedBy;

    /** ADDED or REMOVED. */
    @Column(nullable = false, length = 8)
    private String action;

    @Column(nullable = false, length = 320)
    private String address;

    protected DistributionChange() {
        // for JPA
    }

    public DistributionChange(Instant changedAt, String changedBy, String action, String address) {
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.action = action;
        this.address = address;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getAction() {
        return action;
    }

    public String getAddress() {
        return address;
    }
}
