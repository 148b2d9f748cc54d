package org.rapport.engine.customer;

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
 * An account or telephone number the CRM gave for a customer, kept only as its keyed hash
 * ({@link IdentifierKey}): enough to find the customer behind a call, nothing to read a number from.
 */
@Entity
@Table(name = "customer_identifier", indexes = @Index(name = "ux_customer_identifier", columnList = "kind, keyed_hash",
        unique = true))
public class CustomerIdentifier {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private IdentifierKind kind;

    /** HMAC-SHA256 of the normalised identifier, hex. */
    @Column(name = "keyed_hash", nullable = false, length = 64)
    private String keyedHash;

    /** The customer's external id, as the CRM gives it. */
    @Column(name = "customer_ref", nullable = false, length = 64)
    private String customerRef;

    protected CustomerIdentifier() {
        // for JPA
    }

    public CustomerIdentifier(IdentifierKind kind, String keyedHash, String customerRef) {
        this.kind = kind;
        this.keyedHash = keyedHash;
        this.customerRef = customerRef;
    }

    public IdentifierKind getKind() {
        return kind;
    }

    public String getKeyedHash() {
        return keyedHash;
    }

    public String getCustomerRef() {
        return customerRef;
    }

    /** The CRM now gives this number to another customer (a number passed on): the latest delivery wins. */
    void heldBy(String customer) {
        this.customerRef = customer;
    }
}
