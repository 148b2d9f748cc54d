package org.rapport.integration.crm;

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
 * Complaints as a cable company's regulator register lists them ({@code comcast-complaints}): one
 * complaint per row with ticket, subject, {@code Date} (dd-MM-yy) and {@code Time} (h:mm:ss AM/PM),
 * the channel it came through ({@code Received Via}) and its status. Each row is a service case of
 * kind complaint, opened at date and time in the definition's zone; the subject is its text; the
 * ticket number is the case's id, so a complaint listed again in a later export is the same case.
 * The register names no customer and no closing date, so both stay empty rather than guessed;
 * which words mean which channel ({@code Customer Care Call} → phone) is the definition's value mapping.
 */
public final class ComcastComplaintFormat {

    static final Preset PRESET = new Preset(DelimitedLayout.withHeader(',', 1), UnaryOperator.identity(),
            Map.of("case_id", FieldSource.Columns.of("Ticket #"),
                    "opened_at", FieldSource.Columns.of("Date", "Time"),
                    "channel", FieldSource.Columns.of("Received Via"),
                    "text", FieldSource.Columns.of("Customer Complaint"),
                    "kind", new FieldSource.Constant("complaint")),
            Patterns.of("dd-MM-yy"), Patterns.of("dd-MM-yy h:mm:ss a"));

    public static final SourceFormat FORMAT = new SourceFormat("comcast-complaints", Set.of(SourceKind.SERVICE_CASES),
            CanonicalFields::of, SourceFormat.DATE_OPTIONS, false,
            (definition, directory) -> new MappedCsvFormat(definition, directory, PRESET));

    private ComcastComplaintFormat() {
    }
}
