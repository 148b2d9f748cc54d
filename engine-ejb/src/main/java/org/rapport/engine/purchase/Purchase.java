package org.rapport.engine.purchase;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.rapport.engine.intake.IngestedRecord;
import org.rapport.engine.intake.SourceBatch;

/** Something a customer bought: the behavioural side of engagement. */
@Entity
@Table(name = "purchase", indexes = {
        @Index(name = "ix_purchase_customer_date", columnList = "customer_ref, purchased_on"),
        // a corrected re-delivery or a replay deletes a batch's rows
        @Index(name = "ix_purchase_batch", columnList = "batch_id")})
public class Purchase extends IngestedRecord {

    @Column(name = "purchased_on", nullable = false)
    private LocalDate purchasedOn;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    @Column(name = "product_category", length = 64)
    private String productCategory;

    protected Purchase() {
        // for JPA
    }

    public Purchase(SourceBatch batch, String customerRef, LocalDate purchasedOn, BigDecimal amount,
            String productCategory) {
        super(batch, customerRef);
        this.purchasedOn = purchasedOn;
        this.amount = amount;
        this.productCategory = productCategory;
    }

    public LocalDate getPurchasedOn() {
        return purchasedOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getProductCategory() {
        return productCategory;
    }
}
