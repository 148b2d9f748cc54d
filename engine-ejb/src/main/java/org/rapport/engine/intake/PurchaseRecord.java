package org.rapport.engine.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A purchase as a CRM or billing system delivers it.
 *
 * @param purchaseRef the system's id for the purchase, or null when it gives none (the purchase is then
 *                    known by its content, see {@link RecordKeys})
 */
public record PurchaseRecord(long line, String purchaseRef, String customerRef, LocalDate purchasedOn,
        BigDecimal amount, String productCategory) implements CanonicalRecord {

    /** A purchase delivered without an id of its own. */
    public PurchaseRecord(long line, String customerRef, LocalDate purchasedOn, BigDecimal amount,
            String productCategory) {
        this(line, null, customerRef, purchasedOn, amount, productCategory);
    }
}
