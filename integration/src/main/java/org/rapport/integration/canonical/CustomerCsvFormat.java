package org.rapport.integration.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.CsvIntakeReader;
import org.rapport.integration.csv.FieldRow;

/**
 * Rapport's canonical customers CSV. A churned customer needs {@code churned_on}; a blank
 * {@code churn_reason} for a churned customer means {@link ChurnReason#UNKNOWN}. An active customer
 * has neither. Consents must be stated: privacy is never assumed.
 */
public class CustomerCsvFormat implements IntakeFormat {

    public static final List<String> COLUMNS = List.of("customer_id", "segment", "region", "value_band",
            "customer_since", "status", "churned_on", "churn_reason", "annual_value", "preferred_channel",
            "consent_analytics", "consent_contact");
    /**
     * Columns a CRM may add: the customer's account number and telephone number, by which calls are
     * matched to the customer. The store keeps them only as keyed hashes.
     */
    public static final List<String> IDENTIFIER_COLUMNS = List.of("account_number", "phone_number");

    private final CsvIntakeReader<CustomerRecord> reader;

    /** @param source the source's name in the intake ledger */
    public CustomerCsvFormat(String source) {
        this.reader = new CsvIntakeReader<>(SourceKind.CUSTOMERS, source, COLUMNS, CustomerCsvFormat::customer);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CUSTOMERS;
    }

    @Override
    public String source() {
        return reader.source();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.stream(fileName, content, sink);
    }

    /** Maps one row onto a record; shared with the source formats that take this kind under a field mapping. */
    public static CustomerRecord customer(FieldRow row) throws BadFieldException {
        String externalId = row.text("customer_id", Lengths.REFERENCE);
        String segment = row.optionalText("segment", Lengths.NAME);
        String region = row.optionalText("region", Lengths.NAME);
        String valueBand = row.optionalText("value_band", Lengths.CODE);
        LocalDate customerSince = row.optionalDate("customer_since");
        CustomerStatus status = row.choice("status", CustomerStatus.class);
        LocalDate churnedOn = row.optionalDate("churned_on");
        ChurnReason churnReason = row.optionalChoice("churn_reason", ChurnReason.class);
        BigDecimal annualValue = row.optionalAmount("annual_value");
        String preferredChannel = row.optionalText("preferred_channel", Lengths.CODE);
        boolean consentToAnalytics = row.bool("consent_analytics");
        boolean consentToContact = row.bool("consent_contact");
        if (status == CustomerStatus.CHURNED) {
            if (churnedOn == null) {
                throw new BadFieldException("churned_on", "is blank, a churned customer needs the date they left");
            }
            churnReason = churnReason == null ? ChurnReason.UNKNOWN : churnReason;
        } else {
            requireBlankWhileActive("churned_on", churnedOn);
            requireBlankWhileActive("churn_reason", churnReason);
        }
        if (churnedOn != null && customerSince != null && churnedOn.isBefore(customerSince)) {
            throw new BadFieldException("churned_on",
                    "'" + churnedOn + "' is before customer_since '" + customerSince + "'");
        }
        return new CustomerRecord(row.line(), externalId, segment, region, valueBand, customerSince, status,
                churnedOn, churnReason, annualValue, preferredChannel, consentToAnalytics, consentToContact,
                row.optionalText("account_number", Lengths.REFERENCE), row.optionalText("phone_number", Lengths.CODE));
    }

    private static void requireBlankWhileActive(String column, Object value) throws BadFieldException {
        if (value != null) {
            throw new BadFieldException(column, "'" + value.toString().toLowerCase(Locale.ROOT)
                    + "' given for an active customer; it must be blank unless status is churned");
        }
    }
}
