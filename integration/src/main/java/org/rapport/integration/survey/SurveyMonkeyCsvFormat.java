package org.rapport.integration.survey;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.mapping.MappedCsvFormat;
import org.rapport.integration.mapping.MappedCsvFormat.Preset;
import org.rapport.integration.source.CanonicalFields;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceFormat;

/**
 * A SurveyMonkey export ({@code surveymonkey-csv}): the first row holds the questions, the second
 * sub-headers ({@code Response}, {@code Open-Ended Response}, or the text of a follow-up comment
 * box, whose own first-row cell is blank). Questions are long and follow-up boxes repeat the same
 * text, so a definition usually names such a column by position ({@code #18}). Answers to Likert
 * questions are words ("Strongly agree"): the definition's value mapping turns them into scores,
 * and it is also where a misspelt answer the survey once had ("Aagree") is accounted for. By default
 * a response is its {@code Respondent ID}, dated by {@code End Date} (US style, 12-hour clock) and
 * matched on {@code Custom Data 1}, where SurveyMonkey keeps the id a survey link was sent with.
 */
public final class SurveyMonkeyCsvFormat {

    static final Preset PRESET = new Preset(DelimitedLayout.withHeader(',', 2), UnaryOperator.identity(),
            Map.of("response_id", FieldSource.Columns.of("Respondent ID"),
                    "responded_at", FieldSource.Columns.of("End Date"),
                    "customer_id", FieldSource.Columns.of("Custom Data 1")),
            Patterns.of("MM/dd/yyyy"), Patterns.of("MM/dd/yyyy hh:mm:ss a"));

    public static final SourceFormat FORMAT = new SourceFormat("surveymonkey-csv", Set.of(SourceKind.SURVEY_RESPONSES),
            CanonicalFields::of, SourceFormat.DATE_OPTIONS, false,
            (definition, directory) -> new MappedCsvFormat(definition, directory, PRESET));

    private SurveyMonkeyCsvFormat() {
    }
}
