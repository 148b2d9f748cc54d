package org.rapport.integration.canonical;

import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;

/**
 * Rapport's own CSVs as a format a definition can name ({@code canonical-csv}): the columns are
 * fixed, so a definition maps no fields and sets no options.
 */
public final class CanonicalCsvFormats {

    public static final SourceFormat FORMAT = new SourceFormat("canonical-csv",
            Set.of(SourceKind.CUSTOMERS, SourceKind.PURCHASES, SourceKind.SERVICE_CASES, SourceKind.CALLS,
                    SourceKind.SURVEY_RESPONSES),
            kind -> Set.of(), Set.of(), false, (definition, directory) -> of(definition));

    private CanonicalCsvFormats() {
    }

    static IntakeFormat of(SourceDefinition definition) {
        return switch (definition.kind()) {
            case CUSTOMERS -> new CustomerCsvFormat(definition.name());
            case PURCHASES -> new PurchaseCsvFormat(definition.name());
            case CALLS -> new CallCsvFormat(definition.name());
            case SURVEY_RESPONSES -> new SurveyResponseCsvFormat(definition.name());
            case SERVICE_CASES -> new ServiceCaseCsvFormat(definition.name());
        };
    }
}
