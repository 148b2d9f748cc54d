package org.rapport.integration.mapping;

import java.time.LocalDateTime;

import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.integration.canonical.Lengths;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.FieldRow;

/**
 * A survey response from its canonical fields. Unlike Rapport's canonical survey CSV, the customer
 * may be unknown: survey tools export anonymous responses, and they still count towards NPS and
 * CSAT — only reach needs the customer. At least one score is required: a response without one
 * says nothing a measure can use.
 */
public final class SurveyResponseMapper {

    private SurveyResponseMapper() {
    }

    public static SurveyResponseRecord response(FieldRow row) throws BadFieldException {
        return response(row, false);
    }

    /**
     * @param customerRequired true for sources that must name the customer (Rapport's canonical
     *                         CSV), false for survey tools that may export anonymous responses
     */
    public static SurveyResponseRecord response(FieldRow row, boolean customerRequired) throws BadFieldException {
        String responseRef = row.text("response_id", Lengths.REFERENCE);
        String customerRef = customerRequired ? row.text("customer_id", Lengths.REFERENCE)
                : row.optionalText("customer_id", Lengths.REFERENCE);
        LocalDateTime respondedAt = row.dateTime("responded_at");
        String survey = row.optionalText("survey", Lengths.SURVEY);
        String touchpoint = row.optionalText("touchpoint", Lengths.NAME);
        Integer nps = row.optionalWholeNumber("nps", 0, 10);
        Integer csat = row.optionalWholeNumber("csat", 1, 5);
        Integer effort = row.optionalWholeNumber("effort", 1, 7);
        String comment = row.optionalText("comment", Lengths.COMMENT);
        if (nps == null && csat == null && effort == null) {
            throw new BadFieldException(QuarantinedRow.WHOLE_RECORD, "has no score: nps, csat and effort are all blank");
        }
        return new SurveyResponseRecord(row.line(), responseRef, customerRef, respondedAt, survey, touchpoint, nps,
                csat, effort, comment);
    }
}
