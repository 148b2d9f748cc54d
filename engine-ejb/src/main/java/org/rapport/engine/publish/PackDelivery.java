package org.rapport.engine.publish;

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

import org.rapport.engine.run.Run;

/** Who received which pack, or why they did not: every delivery attempt's outcome is kept. */
@Entity
@Table(name = "pack_delivery")
public class PackDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private DeliveryChannel channel;

    /** An e-mail address, or where a drop target puts the pack (a folder, {@code sftp://user@host:22/packs}). */
    @Column(nullable = false, length = 512)
    private String target;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 32)
    private DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 1024)
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected PackDelivery() {
        // for JPA
    }

    public PackDelivery(Run run, DeliveryChannel channel, String target) {
        this.run = run;
        this.channel = channel;
        this.target = target;
    }

    void sent(Instant at) {
        attempts++;
        status = DeliveryStatus.SENT;
        deliveredAt = at;
        lastError = null;
    }

    void failed(String error, boolean retryable, int maximumAttempts) {
        attempts++;
        lastError = error == null || error.length() <= 1024 ? error : error.substring(0, 1024);
        status = retryable && attempts < maximumAttempts ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
    }

    public Long getId() {
        return id;
    }

    public Run getRun() {
        return run;
    }

    public DeliveryChannel getChannel() {
        return channel;
    }

    public String getTarget() {
        return target;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
