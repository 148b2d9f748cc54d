package org.rapport.engine.publish;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/** A member of the board pack's distribution list. */
@Entity
@Table(name = "pack_recipient", uniqueConstraints = @UniqueConstraint(name = "ux_recipient_address",
        columnNames = "address"))
public class Recipient {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(nullable = false, length = 320)
    private String address;

    @Column(name = "added_by", nullable = false, length = 128)
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected Recipient() {
        // for JPA
    }

    public Recipient(String address, String addedBy, Instant addedAt) {
        this.address = address;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
