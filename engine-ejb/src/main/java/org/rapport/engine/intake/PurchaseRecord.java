package org.rapport.engine.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A purchase as a CRM or billing system delivers it. */
public record PurchaseRecord(long line, String customerRef, LocalDate purchasedOn, BigDecimal amount,
        String productCategory) implements CanonicalRecord {
}
