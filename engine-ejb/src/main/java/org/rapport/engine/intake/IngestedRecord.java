package org.rapport.engine.intake;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;

/**
 * What every stored fact about a customer shares: the batch that brought it (lineage) and the
 * customer it is about, by the CRM's external id. The id is kept as delivered rather than as a
 * foreign key, so a call that arrives before its customer is still counted, and a contact from an
 * unknown caller (null) is kept rather than dropped.
 */
@MappedSuperclass
public abstract class IngestedRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "batch_id", nullable = false)
    private SourceBatch batch;

    @Column(name = "customer_ref", length = 64)
    private String customerRef;

    protected IngestedRecord() {
        // for JPA
    }

    protected IngestedRecord(SourceBatch batch, String customerRef) {
        this.batch = batch;
        this.customerRef = customerRef;
    }

    public Long getId() {
        return id;
    }

    public SourceBatch getBatch() {
        return batch;
    }

    public String getCustomerRef() {
        return customerRef;
    }
}
