package org.rapport.engine.run;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A customer's engagement pillars, index and stage in one run. The engagement model that fills it
 * comes with the strategy team's scoring rules; customers without consent to analytics never get one.
 */
@Entity
@Table(name = "customer_score")
public class CustomerScore {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @Column(name = "customer_ref", nullable = false, length = 64)
    private String customerRef;

    @Column(precision = 6, scale = 2)
    private BigDecimal cognitive;

    @Column(precision = 6, scale = 2)
    private BigDecimal emotional;

    @Column(precision = 6, scale = 2)
    private BigDecimal behavioural;

    @Column(name = "engagement_index", precision = 6, scale = 2)
    private BigDecimal index;

    @Column(length = 16)
    private String stage;

    protected CustomerScore() {
        // for JPA
    }

    public CustomerScore(Run run, String customerRef, BigDecimal cognitive, BigDecimal emotional,
            BigDecimal behavioural, BigDecimal index, String stage) {
        this.run = run;
        this.customerRef = customerRef;
        this.cognitive = cognitive;
        this.emotional = emotional;
        this.behavioural = behavioural;
        this.index = index;
        this.stage = stage;
    }

    public Long getId() {
        return id;
    }

    public String getCustomerRef() {
        return customerRef;
    }

    public BigDecimal getCognitive() {
        return cognitive;
    }

    public BigDecimal getEmotional() {
        return emotional;
    }

    public BigDecimal getBehavioural() {
        return behavioural;
    }

    public BigDecimal getIndex() {
        return index;
    }

    public String getStage() {
        return stage;
    }
}
