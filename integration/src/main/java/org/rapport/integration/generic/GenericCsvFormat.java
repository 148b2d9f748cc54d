package org.rapport.integration.generic;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.mapping.MappedCsvFormat;
import org.rapport.integration.mapping.MappedCsvFormat.Preset;
import org.rapport.integration.source.CanonicalFields;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;

/**
 * Any CSV with a header, of any kind, mapped field by field ({@code generic-csv}). A canonical field
 * the definition does not map is read from a column of its own name, so a file that already uses
 * Rapport's column names needs no mapping. Options: {@code delimiter} (one character, or {@code tab}),
 * {@code headerRows} (rows at the top; names are in the first), {@code dateFormat}, {@code dateTimeFormat}.
 */
public final class GenericCsvFormat {

    public static final SourceFormat FORMAT = new SourceFormat("generic-csv", EnumSet.allOf(SourceKind.class),
            CanonicalFields::of, options(), false, (definition, directory) -> new MappedCsvFormat(definition,
                    directory, Preset.plain(layout(definition))));

    private static final int MOST_HEADER_ROWS = 10;

    private GenericCsvFormat() {
    }

    static DelimitedLayout layout(SourceDefinition definition) throws DefinitionException {
        return DelimitedLayout.withHeader(delimiter(definition), headerRows(definition));
    }

    /** The {@code delimiter} option: one character, {@code tab} or {@code \t}; a comma by default. */
    public static char delimiter(SourceDefinition definition) throws DefinitionException {
        String delimiter = definition.option("delimiter").orElse(",");
        if (delimiter.equalsIgnoreCase("tab") || delimiter.equals("\\t") || delimiter.equals("\t")) {
            return '\t';
        }
        if (delimiter.length() != 1 || delimiter.equals("\"") || Character.isLetterOrDigit(delimiter.charAt(0))) {
            throw new DefinitionException("options.delimiter", "'" + delimiter
                    + "' is not a delimiter: one character such as , ; | or the word tab");
        }
        return delimiter.charAt(0);
    }

    private static int headerRows(SourceDefinition definition) throws DefinitionException {
        String rows = definition.option("headerRows").orElse("1");
        try {
            int count = Integer.parseInt(rows);
            if (count >= 1 && count <= MOST_HEADER_ROWS) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DefinitionException("options.headerRows", "'" + rows + "' is not a number of header rows (1 to "
                + MOST_HEADER_ROWS + ")");
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(SourceFormat.DATE_OPTIONS);
        options.addAll(Set.of("delimiter", "headerRows"));
        return options;
    }
}
