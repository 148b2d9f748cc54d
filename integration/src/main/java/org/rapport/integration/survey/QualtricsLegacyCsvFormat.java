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
 * A Qualtrics export in the legacy shape ({@code qualtrics-legacy-csv}): a first row of variable
 * names ({@code V1}…{@code V10}, {@code Q1}…) and a second of labels ({@code ResponseID},
 * {@code EndDate}, question texts). The labels are what people recognise, so a definition may name
 * a column by either; by default a response is {@code ResponseID}, dated by {@code EndDate} and
 * matched on {@code ExternalDataReference}. Legacy exports start with a byte-order mark and end
 * every row with a comma: both are taken in stride.
 */
public final class QualtricsLegacyCsvFormat {

    static final Preset PRESET = new Preset(DelimitedLayout.withHeader(',', 2), UnaryOperator.identity(),
            Map.of("response_id", FieldSource.Columns.of("ResponseID"),
                    "responded_at", FieldSource.Columns.of("EndDate"),
                    "customer_id", FieldSource.Columns.of("ExternalDataReference")),
            Patterns.of("yyyy-MM-dd"), Patterns.of("yyyy-MM-dd HH:mm:ss"));

    public static final SourceFormat FORMAT = new SourceFormat("qualtrics-legacy-csv",
            Set.of(SourceKind.SURVEY_RESPONSES), CanonicalFields::of, SourceFormat.DATE_OPTIONS, false,
            (definition, directory) -> new MappedCsvFormat(definition, directory, PRESET));

    private QualtricsLegacyCsvFormat() {
    }
}
