package org.rapport.integration.survey;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.mapping.MappedCsvFormat;
import org.rapport.integration.mapping.MappedCsvFormat.Preset;
import org.rapport.integration.source.CanonicalFields;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceFormat;

/**
 * A Qualtrics CSV export in its current shape ({@code qualtrics-csv}): three header rows — column
 * names ({@code Q1}, {@code ResponseId}), question texts in the survey's language, and
 * {@code {"ImportId":"QID1"}} cells. A definition may name a column by any of the three; the import
 * id is worth using because it survives renaming a question, while names and texts do not. Which
 * question is NPS, CSAT, effort or the comment is the definition's mapping. By default a response
 * is identified by {@code ResponseId}, dated by {@code RecordedDate} and matched on
 * {@code ExternalReference} (the contact's id when the survey was sent from a contact list).
 */
public final class QualtricsCsvFormat {

    private static final Pattern IMPORT_ID = Pattern.compile("\\{\\s*\"ImportId\"\\s*:\\s*\"([^\"]+)\".*\\}");

    static final Preset PRESET = new Preset(DelimitedLayout.withHeader(',', 3), QualtricsCsvFormat::importId,
            Map.of("response_id", FieldSource.Columns.of("ResponseId"),
                    "responded_at", FieldSource.Columns.of("RecordedDate"),
                    "customer_id", FieldSource.Columns.of("ExternalReference")),
            Patterns.of("yyyy-MM-dd"), Patterns.of("yyyy-MM-dd HH:mm:ss"));

    public static final SourceFormat FORMAT = new SourceFormat("qualtrics-csv", Set.of(SourceKind.SURVEY_RESPONSES),
            CanonicalFields::of, SourceFormat.DATE_OPTIONS, false,
            (definition, directory) -> new MappedCsvFormat(definition, directory, PRESET));

    private QualtricsCsvFormat() {
    }

    /** {@code {"ImportId":"QID2_TEXT"}} is known as {@code QID2_TEXT}; any other cell by itself. */
    static String importId(String cell) {
        Matcher matcher = IMPORT_ID.matcher(cell.strip());
        return matcher.matches() ? matcher.group(1) : cell;
    }
}
