package org.rapport.engine.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;

/**
 * A customer as a CRM delivers it; a later delivery for the same external id updates the customer.
 * The account and telephone numbers, when the CRM gives them, are only kept as keyed hashes, to find
 * the customer behind a call ({@link org.rapport.engine.customer.CustomerIdentifiers}).
 */
public record CustomerRecord(long line, String externalId, String segment, String region, String valueBand,
        LocalDate customerSince, CustomerStatus status, LocalDate churnedOn, ChurnReason churnReason,
        BigDecimal annualValue, String preferredChannel, boolean consentToAnalytics, boolean consentToContact,
        String accountNumber, String phoneNumber) implements CanonicalRecord {

    /** A customer delivered without account or telephone number. */
    public CustomerRecord(long line, String externalId, String segment, String region, String valueBand,
            LocalDate customerSince, CustomerStatus status, LocalDate churnedOn, ChurnReason churnReason,
            BigDecimal annualValue, String preferredChannel, boolean consentToAnalytics, boolean consentToContact) {
        this(line, externalId, segment, region, valueBand, customerSince, status, churnedOn, churnReason, annualValue,
                preferredChannel, consentToAnalytics, consentToContact, null, null);
    }

    /** Everything but the account and telephone numbers, which must not reach a log or a test report. */
    @Override
    public String toString() {
        return "CustomerRecord[line=" + line + ", externalId=" + externalId + ", segment=" + segment + ", region="
                + region + ", valueBand=" + valueBand + ", customerSince=" + customerSince + ", status=" + status
                + ", churnedOn=" + churnedOn + ", churnReason=" + churnReason + ", annualValue=" + annualValue
                + ", preferredChannel=" + preferredChannel + ", consentToAnalytics=" + consentToAnalytics
                + ", consentToContact=" + consentToContact + ", accountNumber=" + masked(accountNumber)
                + ", phoneNumber=" + masked(phoneNumber) + "]";
    }

    private static String masked(String identifier) {
        return identifier == null ? "null" : "(given)";
    }
}
