package org.rapport.integration.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.canonical.Delivered.lines;
import static org.rapport.integration.canonical.Delivered.read;
import static org.rapport.integration.canonical.Delivered.records;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SourceKind;

class CustomerCsvFormatTest {

    private static final String HEADER = String.join(",", CustomerCsvFormat.COLUMNS);

    private final CustomerCsvFormat format = new CustomerCsvFormat("test-crm");

    @Test
    void aGoodFileGivesOneTypedRecordPerRow() {
        IntakeBatch batch = read(format, lines(HEADER,
                "C-001,one-year,north,medium,2023-12-31,active,,,683.40,phone,true,false",
                "C-002,month-to-month,wales,high,2024-02-29,churned,2026-10-07,better_offer,,web,false,true"));

        assertThat(batch.kind()).isEqualTo(SourceKind.CUSTOMERS);
        assertThat(batch.source()).isEqualTo("test-crm");
        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, CustomerRecord.class)).containsExactly(
                new CustomerRecord(2, "C-001", "one-year", "north", "medium", LocalDate.of(2023, 12, 31),
                        CustomerStatus.ACTIVE, null, null, new BigDecimal("683.40"), "phone", true, false),
                new CustomerRecord(3, "C-002", "month-to-month", "wales", "high", LocalDate.of(2024, 2, 29),
                        CustomerStatus.CHURNED, LocalDate.of(2026, 10, 7), ChurnReason.BETTER_OFFER, null, "web",
                        false, true));
    }

    @Test
    void columnsMayComeInAnyOrderAndExtraColumnsAreIgnored() {
        IntakeBatch batch = read(format, lines(
                "Consent_Contact,consent_analytics,preferred_channel,annual_value,churn_reason,churned_on,status,"
                        + "customer_since,value_band,region,segment,customer_id,crm_owner",
                "true,true,app,120.00,,,active,2020-01-15,low,london,two-year,C-003,Team B"));

        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, CustomerRecord.class)).singleElement().isEqualTo(new CustomerRecord(2, "C-003", "two-year", "london",
                "low", LocalDate.of(2020, 1, 15), CustomerStatus.ACTIVE, null, null, new BigDecimal("120.00"), "app",
                true, true));
    }

    @Test
    void aChurnedCustomerWithoutAReasonLeftForAnUnknownReason() {
        IntakeBatch batch = read(format, lines(HEADER,
                "C-004,one-year,north,medium,2023-12-31,churned,2026-10-01,,683.40,phone,true,true"));

        assertThat(records(batch, CustomerRecord.class)).singleElement().extracting("churnReason").isEqualTo(ChurnReason.UNKNOWN);
    }

    @Test
    void aBadDateIsQuarantinedWhileTheGoodRowsGoThrough() {
        IntakeBatch batch = read(format, lines(HEADER,
                "C-001,one-year,north,medium,2023-12-31,active,,,683.40,phone,true,false",
                "C-002,one-year,north,medium,2026-02-30,active,,,683.40,phone,true,false",
                "C-003,one-year,north,medium,31/12/2023,active,,,683.40,phone,true,false",
                "C-004,one-year,north,medium,2023-12-31,active,,,683.40,phone,true,false"));

        assertThat(batch.isRejected()).isFalse();
        assertThat(records(batch, CustomerRecord.class)).extracting(CustomerRecord::externalId).containsExactly("C-001", "C-004");
        assertThat(batch.quarantined()).containsExactly(
                new QuarantinedRow(3, "customer_since", "'2026-02-30' is not a date (yyyy-MM-dd)",
                        "C-002,one-year,north,medium,2026-02-30,active,,,683.40,phone,true,false"),
                new QuarantinedRow(4, "customer_since", "'31/12/2023' is not a date (yyyy-MM-dd)",
                        "C-003,one-year,north,medium,31/12/2023,active,,,683.40,phone,true,false"));
    }

    @Test
    void statusAndChurnFieldsMustAgree() {
        IntakeBatch batch = read(format, lines(HEADER,
                "C-001,one-year,north,medium,2023-12-31,churned,,treatment,683.40,phone,true,false",
                "C-002,one-year,north,medium,2023-12-31,active,2026-10-03,,683.40,phone,true,false",
                "C-003,one-year,north,medium,2023-12-31,active,,treatment,683.40,phone,true,false",
                "C-004,one-year,north,medium,2023-12-31,churned,2023-11-30,treatment,683.40,phone,true,false",
                "C-005,one-year,north,medium,2023-12-31,lapsed,,,683.40,phone,true,false",
                "C-006,one-year,north,medium,2023-12-31,churned,2026-10-03,moved_abroad,683.40,phone,true,false"));

        assertThat(records(batch, CustomerRecord.class)).isEmpty();
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(2L, "churned_on",
                                "is blank, a churned customer needs the date they left"),
                        tuple(3L, "churned_on",
                                "'2026-10-03' given for an active customer; it must be blank unless status is churned"),
                        tuple(4L, "churn_reason",
                                "'treatment' given for an active customer; it must be blank unless status is churned"),
                        tuple(5L, "churned_on",
                                "'2023-11-30' is before customer_since '2023-12-31'"),
                        tuple(6L, "status", "'lapsed' is not one of active, churned"),
                        tuple(7L, "churn_reason",
                                "'moved_abroad' is not one of treatment, product_or_service, better_offer, "
                                        + "serial_switcher, stopped_using, deceased, unknown"));
    }

    @Test
    void consentsMustBeStatedAndAnnualValueMustBeAnAmount() {
        IntakeBatch batch = read(format, lines(HEADER,
                "C-001,one-year,north,medium,2023-12-31,active,,,683.40,phone,,false",
                "C-002,one-year,north,medium,2023-12-31,active,,,683.40,phone,yes,false",
                "C-003,one-year,north,medium,2023-12-31,active,,,-5,phone,true,false",
                "C-004,one-year,north,medium,2023-12-31,active,,,12.345,phone,true,false"));

        assertThat(batch.quarantined()).extracting(QuarantinedRow::field, QuarantinedRow::reason).containsExactly(
                tuple("consent_analytics", "is blank, true or false is required"),
                tuple("consent_analytics", "'yes' is not true or false"),
                tuple("annual_value",
                        "'-5' is not an amount (0 or more, at most 2 decimals, e.g. 1234.50)"),
                tuple("annual_value",
                        "'12.345' is not an amount (0 or more, at most 2 decimals, e.g. 1234.50)"));
    }

    @Test
    void aValueTooLongToStoreIsQuarantined() {
        String longId = "C".repeat(65);
        IntakeBatch batch = read(format, lines(HEADER,
                longId + ",one-year,north,medium,2023-12-31,active,,,683.40,phone,true,false"));

        assertThat(batch.quarantined()).singleElement()
                .isEqualTo(new QuarantinedRow(2, "customer_id", "is 65 characters long, at most 64 are allowed",
                        longId + ",one-year,north,medium,2023-12-31,active,,,683.40,phone,true,false"));
    }
}
