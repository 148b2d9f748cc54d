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
 * What every stored fact about a customer shares: the batch that last set it (lineage), the source
 * and key it is stored once by (see {@link RecordKeys}), and the customer it is about, by the CRM's
 * external id. The id is kept as delivered rather than as a foreign key, so a call that arrives before
 * its customer is still counted and matched once the customer comes, and a contact from an unknown
 * caller (null) is kept rather than dropped.
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

    /** The source that delivered it: a record's key is unique within its source. */
    @Column(nullable = false, length = 128)
    private String source;

    /**
     * The source's id for the record, or one made from its content; unique per source. Null only for
     * rows written outside the intake (test fixtures), which no delivery can find again.
     */
    @Column(name = "record_key", length = 160)
    private String recordKey;

    /** A fingerprint of the values as last set, to tell a re-delivery unchanged from changed. */
    @Column(name = "content_hash")
    private Long contentHash;

    protected IngestedRecord() {
        // for JPA
    }

    protected IngestedRecord(SourceBatch batch, String customerRef) {
        this.batch = batch;
        this.customerRef = customerRef;
        this.source = batch.getSource();
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

    public String getSource() {
        return source;
    }

    public String getRecordKey() {
        return recordKey;
    }
}
