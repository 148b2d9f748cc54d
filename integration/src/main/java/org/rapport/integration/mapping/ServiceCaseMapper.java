package org.rapport.integration.mapping;

import java.time.Instant;

import org.rapport.engine.intake.ServiceCaseRecord;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.integration.canonical.Lengths;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.FieldRow;

/**
 * A service case from its canonical fields. A case from someone who is not (yet) a customer is kept
 * with no customer: complaints to a regulator name no account. The CRM's id for the case ({@code case_id},
 * a ticket number) is optional; with it a case delivered again is known as the same case.
 */
public final class ServiceCaseMapper {

    private ServiceCaseMapper() {
    }

    public static ServiceCaseRecord serviceCase(FieldRow row) throws BadFieldException {
        String customerRef = row.optionalText("customer_id", Lengths.REFERENCE);
        Instant openedAt = row.optionalInstant("opened_at");
        if (openedAt == null) {
            throw new BadFieldException("opened_at", "is blank, a date and time is required");
        }
        Instant closedAt = row.optionalInstant("closed_at");
        if (closedAt != null && closedAt.isBefore(openedAt)) {
            throw new BadFieldException("closed_at", "is before opened_at: a case closes after it opens");
        }
        return new ServiceCaseRecord(row.line(), row.optionalText("case_id", Lengths.REFERENCE), customerRef, openedAt,
                closedAt,
                row.optionalText("channel", Lengths.CODE),
                row.choice("kind", ServiceCaseKind.class),
                row.optionalText("category", Lengths.NAME),
                row.optionalText("text", Lengths.COMMENT));
    }
}
