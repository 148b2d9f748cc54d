package org.rapport.integration.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.integration.canonical.Delivered.lines;
import static org.rapport.integration.canonical.Delivered.read;
import static org.rapport.integration.canonical.Delivered.records;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.PurchaseRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SourceKind;

class PurchaseCsvFormatTest {

    private final PurchaseCsvFormat format = new PurchaseCsvFormat("test-billing");

    @Test
    void aGoodFileGivesOneTypedRecordPerRow() {
        IntakeBatch batch = read(format, lines("customer_id,purchased_on,amount,product_category",
                "C-001,2026-10-05,89.10,fibre-plan",
                "C-001,2026-10-05,9.99,"));

        assertThat(batch.kind()).isEqualTo(SourceKind.PURCHASES);
        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, PurchaseRecord.class)).containsExactly(
                new PurchaseRecord(2, "C-001", LocalDate.of(2026, 10, 5), new BigDecimal("89.10"), "fibre-plan"),
                new PurchaseRecord(3, "C-001", LocalDate.of(2026, 10, 5), new BigDecimal("9.99"), null));
    }

    @Test
    void aBillingSystemsOwnPurchaseIdIsKeptToKnowThePurchaseAgain() {
        IntakeBatch batch = read(format, lines("purchase_id,customer_id,purchased_on,amount,product_category",
                "INV-77/1,C-001,2026-10-05,89.10,fibre-plan",
                ",C-001,2026-10-05,9.99,"));

        assertThat(records(batch, PurchaseRecord.class)).containsExactly(
                new PurchaseRecord(2, "INV-77/1", "C-001", LocalDate.of(2026, 10, 5), new BigDecimal("89.10"),
                        "fibre-plan"),
                new PurchaseRecord(3, null, "C-001", LocalDate.of(2026, 10, 5), new BigDecimal("9.99"), null));
    }

    @Test
    void aBadAmountOrDateIsQuarantinedWhileTheGoodRowsGoThrough() {
        IntakeBatch batch = read(format, lines("customer_id,purchased_on,amount,product_category",
                "C-001,2026-10-05,£89.10,fibre-plan",
                "C-002,2026-10-05,89.10,fibre-plan",
                "C-003,5 Oct 2026,89.10,fibre-plan",
                ",2026-10-05,89.10,fibre-plan"));

        assertThat(records(batch, PurchaseRecord.class)).extracting(PurchaseRecord::customerRef).containsExactly("C-002");
        assertThat(batch.quarantined()).containsExactly(
                new QuarantinedRow(2, "amount", "'£89.10' is not an amount (0 or more, at most 2 decimals, e.g. 1234.50)",
                        "C-001,2026-10-05,£89.10,fibre-plan"),
                new QuarantinedRow(4, "purchased_on", "'5 Oct 2026' is not a date (yyyy-MM-dd)",
                        "C-003,5 Oct 2026,89.10,fibre-plan"),
                new QuarantinedRow(5, "customer_id", "is blank, a value is required", ",2026-10-05,89.10,fibre-plan"));
    }

    @Test
    void aMissingColumnRejectsTheFileNamingTheColumnAndLineOne() {
        IntakeBatch batch = read(format, lines("customer_id,purchased_on,product_category",
                "C-001,2026-10-05,fibre-plan"));

        assertThat(batch.isRejected()).isTrue();
        assertThat(records(batch, PurchaseRecord.class)).isEmpty();
        assertThat(batch.rejection()).isEqualTo("line 1, field amount: the header lacks column amount;"
                + " a purchases file needs customer_id,purchased_on,amount,product_category");
    }
}
