package org.rapport.engine.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;

/** A customer as a CRM delivers it; a later delivery for the same external id updates the customer. */
public record CustomerRecord(long line, String externalId, String segment, String region, String valueBand,
        LocalDate customerSince, CustomerStatus status, LocalDate churnedOn, ChurnReason churnReason,
        BigDecimal annualValue, String preferredChannel, boolean consentToAnalytics, boolean consentToContact)
        implements CanonicalRecord {
}
