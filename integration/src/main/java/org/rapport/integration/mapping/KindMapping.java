package org.rapport.integration.mapping;

import java.util.Set;

import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.PurchaseRecord;
import org.rapport.engine.intake.ServiceCaseRecord;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.integration.canonical.CallCsvFormat;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.canonical.PurchaseCsvFormat;
import org.rapport.integration.source.CanonicalFields;

/**
 * How rows of a kind become records once their fields are mapped: the mapper, the fields a row
 * cannot do without, and the record's own id (a call's, response's, case's or purchase's) that must not
 * repeat in a file, and by which the store knows it again in a later file.
 *
 * @param mapper    the record's mapper, shared with the canonical CSVs where there is one
 * @param known     every canonical field of the kind
 * @param required  fields without which no row maps
 * @param reference the field that identifies a record within a file, or null
 * @param noun      what a record is, for messages
 */
public record KindMapping(RecordMapper mapper, Set<String> known, Set<String> required, String reference,
        String noun) {

    public static KindMapping of(SourceKind kind) {
        Set<String> known = CanonicalFields.of(kind);
        return switch (kind) {
            case CUSTOMERS -> new KindMapping(CustomerCsvFormat::customer, known,
                    Set.of("customer_id", "status", "consent_analytics", "consent_contact"), null, "customer");
            case PURCHASES -> new KindMapping(PurchaseCsvFormat::purchase, known,
                    Set.of("customer_id", "purchased_on", "amount"), PurchaseCsvFormat.ID_COLUMN, "purchase");
            case SERVICE_CASES -> new KindMapping(ServiceCaseMapper::serviceCase, known,
                    Set.of("opened_at", "kind"), "case_id", "service case");
            case CALLS -> new KindMapping(CallCsvFormat::call, known,
                    Set.of("call_id", "started_at", "ivr_seconds", "queue_seconds", "talk_seconds", "outcome",
                            "wanted_agent", "transfers", "times_reidentified"), "call_id", "call");
            case SURVEY_RESPONSES -> new KindMapping(SurveyResponseMapper::response, known,
                    Set.of("response_id", "responded_at"), "response_id", "response");
        };
    }

    /** The record's own reference, for duplicate checks: a call's, response's, case's or purchase's id, or null. */
    public static String referenceOf(CanonicalRecord record) {
        if (record instanceof CallRecord call) {
            return call.callRef();
        } else if (record instanceof SurveyResponseRecord response) {
            return response.responseRef();
        } else if (record instanceof ServiceCaseRecord serviceCase) {
            return serviceCase.caseRef();
        } else if (record instanceof PurchaseRecord purchase) {
            return purchase.purchaseRef();
        }
        return null;
    }
}
