package org.rapport.integration.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedReader;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.csv.RowSink;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceDefinition;

/**
 * A delimited file with a header whose columns map onto one kind's canonical fields: the generic
 * CSV, and the tools whose exports differ only in layout and column names (Qualtrics, SurveyMonkey,
 * complaint registers). A {@link Preset} says what the tool's exports look like; the definition's
 * mapping and options override it. Thread-safe: each read has its own state.
 */
public final class MappedCsvFormat implements IntakeFormat {

    private final SourceDefinition definition;
    private final KindMapping kind;
    private final Map<String, FieldSource> sources;
    private final FieldConventions conventions;
    private final CustomerMatcher matcher;
    private final DelimitedReader reader;

    public MappedCsvFormat(SourceDefinition definition, CustomerDirectory directory, Preset preset)
            throws DefinitionException {
        this.definition = definition;
        this.kind = KindMapping.of(definition.kind());
        this.sources = new LinkedHashMap<>(preset.fields());
        this.sources.putAll(definition.fields());
        this.conventions = definition.conventions(preset.date(), preset.dateTime());
        this.matcher = definition.customerMatcher(directory);
        this.reader = new DelimitedReader(definition.charset(), preset.layout(), preset.naming());
    }

    @Override
    public SourceKind kind() {
        return definition.kind();
    }

    @Override
    public String source() {
        return definition.name();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.read(fileName, content, new Rows(), sink).rejection();
    }

    /**
     * What a tool's exports look like.
     *
     * @param layout   delimiter and header rows
     * @param naming   how a header cell becomes a column name
     * @param fields   the tool's usual columns for canonical fields
     * @param date     the tool's date pattern
     * @param dateTime the tool's date-time pattern
     */
    public record Preset(DelimitedLayout layout, UnaryOperator<String> naming, Map<String, FieldSource> fields,
            Patterns date, Patterns dateTime) {

        public Preset {
            fields = Map.copyOf(fields);
        }

        /** ISO dates, as most exports write them. */
        public static final Patterns ISO_DATE = Patterns.of("yyyy-MM-dd");
        /** ISO date-times, with a space or a T, with or without seconds. */
        public static final Patterns ISO_DATE_TIME = Patterns.of(List.of("yyyy-MM-dd HH:mm:ss",
                "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"));

        /** A plain delimited file: ISO dates and date-times, columns named as they are. */
        public static Preset plain(DelimitedLayout layout) {
            return new Preset(layout, UnaryOperator.identity(), Map.of(), ISO_DATE, ISO_DATE_TIME);
        }
    }

    /** The rows of one file. */
    private final class Rows implements RowSink {
        private final SeenReferences seen = new SeenReferences(kind.noun());
        private FieldMap fields;

        @Override
        public void header(Columns columns) throws BadFieldException {
            fields = FieldMap.resolve(sources, kind.known(), kind.required(), columns, matcher);
        }

        @Override
        public void row(DelimitedRow row, BatchCollector out) throws BadFieldException {
            CanonicalRecord record = kind.mapper().map(fields.row(row, conventions));
            String reference = KindMapping.referenceOf(record);
            if (reference != null) {
                seen.note(kind.reference(), reference, row.line());
            }
            out.add(record);
        }
    }
}
