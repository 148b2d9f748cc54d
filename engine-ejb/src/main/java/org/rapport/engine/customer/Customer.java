package org.rapport.engine.customer;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A customer as the CRM knows them. Only the attributes KPIs need: no name, e-mail or phone is
 * stored, so none can leak into a pack.
 */
@Entity
@Table(name = "customer", indexes = {
        @Index(name = "ux_customer_external_id", columnList = "external_id", unique = true),
        @Index(name = "ix_customer_status", columnList = "status")})
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Version
    private int version;

    @Column(name = "external_id", nullable = false, length = 64)
    private String externalId;

    @Column(length = 64)
    private String segment;

    @Column(length = 64)
    private String region;

    @Column(name = "value_band", length = 32)
    private String valueBand;

    @Column(name = "customer_since")
    private LocalDate customerSince;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private CustomerStatus status = CustomerStatus.ACTIVE;

    @Column(name = "churned_on")
    private LocalDate churnedOn;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "churn_reason", length = 32)
    private ChurnReason churnReason;

    /** Annual value in pounds; null where the CRM does not know it. */
    @Column(name = "annual_value", precision = 12, scale = 2)
    private BigDecimal annualValue;

    @Column(name = "preferred_channel", length = 32)
    private String preferredChannel;

    @Column(name = "consent_analytics", nullable = false)
    private boolean consentToAnalytics;

    @Column(name = "consent_contact", nullable = false)
    private boolean consentToContact;

    /** The intake batch that last set the values (lineage); null for a customer from before it was kept. */
    @Column(name = "batch_id")
    private Long lastSetByBatch;

    /** A fingerprint of the values as last delivered, so a customer delivered again unchanged is not rewritten. */
    @Column(name = "content_hash")
    private Long contentHash;

    protected Customer() {
        // for JPA
    }

    public Customer(String externalId) {
        this.externalId = externalId;
    }

    public Long getId() {
        return id;
    }

    public Long getLastSetByBatch() {
        return lastSetByBatch;
    }

    public String getExternalId() {
        return externalId;
    }

    public String getSegment() {
        return segment;
    }

    public void setSegment(String segment) {
        this.segment = segment;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getValueBand() {
        return valueBand;
    }

    public void setValueBand(String valueBand) {
        this.valueBand = valueBand;
    }

    public LocalDate getCustomerSince() {
        return customerSince;
    }

    public void setCustomerSince(LocalDate customerSince) {
        this.customerSince = customerSince;
    }

    public CustomerStatus getStatus() {
        return status;
    }

    public void setStatus(CustomerStatus status) {
        this.status = status;
    }

    public LocalDate getChurnedOn() {
        return churnedOn;
    }

    public void setChurnedOn(LocalDate churnedOn) {
        this.churnedOn = churnedOn;
    }

    public ChurnReason getChurnReason() {
        return churnReason;
    }

    public void setChurnReason(ChurnReason churnReason) {
        this.churnReason = churnReason;
    }

    public BigDecimal getAnnualValue() {
        return annualValue;
    }

    public void setAnnualValue(BigDecimal annualValue) {
        this.annualValue = annualValue;
    }

    public String getPreferredChannel() {
        return preferredChannel;
    }

    public void setPreferredChannel(String preferredChannel) {
        this.preferredChannel = preferredChannel;
    }

    public boolean isConsentToAnalytics() {
        return consentToAnalytics;
    }

    public void setConsentToAnalytics(boolean consentToAnalytics) {
        this.consentToAnalytics = consentToAnalytics;
    }

    public boolean isConsentToContact() {
        return consentToContact;
    }

    public void setConsentToContact(boolean consentToContact) {
        this.consentToContact = consentToContact;
    }
}
