package org.rapport.integration.ivr;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.rapport.integration.csv.FieldRow;
import org.rapport.integration.csv.RowSink;
import org.rapport.integration.mapping.FieldMap;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceDefinition;

/**
 * A telephony CDR file without header, read leg by leg and assembled into calls by a
 * {@link CdrCallAssembler}. What a row's columns mean is the {@link LegReader}'s business: Asterisk
 * and FreeSWITCH differ. The customer comes from the caller's number unless the definition maps
 * {@code customer_id} to another column (an account code). Thread-safe: each read has its own state.
 */
final class CdrFormat implements IntakeFormat {

    /** Options every CDR format reads. */
    static final Set<String> OPTIONS = Set.of("correlationMinutes", "dateTimeFormat");
    private static final int DEFAULT_WINDOW_MINUTES = 60;
    private static final int LONGEST_WINDOW_MINUTES = 24 * 60;

    /** Makes a call leg of a row. */
    @FunctionalInterface
    interface LegReader {
        CallLeg leg(FieldRow row, DelimitedRow raw) throws BadFieldException;
    }

    private final SourceDefinition definition;
    private final DelimitedReader reader;
    private final String callerColumn;
    private final FieldConventions conventions;
    private final CustomerMatcher matcher;
    private final Duration window;
    private final LegReader legs;

    CdrFormat(SourceDefinition definition, CustomerDirectory directory, DelimitedLayout layout, Patterns dateTime,
            String callerColumn, LegReader legs) throws DefinitionException {
        this.definition = definition;
        this.reader = new DelimitedReader(definition.charset(), layout);
        this.callerColumn = customerColumn(definition, callerColumn, layout);
        this.conventions = definition.conventions(Patterns.of("yyyy-MM-dd"), dateTime);
        this.matcher = definition.customerMatcher(directory);
        this.window = Duration.ofMinutes(window(definition));
        this.legs = legs;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CALLS;
    }

    @Override
    public String source() {
        return definition.name();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.read(fileName, content, new Legs(), sink).rejection();
    }

    /** The legs of one file. */
    private final class Legs implements RowSink {
        private final Map<Integer, FieldMap> fieldsByWidth = new HashMap<>();
        private CdrCallAssembler calls;

        @Override
        public void row(DelimitedRow row, BatchCollector out) throws BadFieldException {
            if (calls == null) {
                calls = new CdrCallAssembler(window, out);
            }
            FieldMap fields = fieldsByWidth.get(row.size());
            if (fields == null) {
                fields = fieldMap(row.columns());
                fieldsByWidth.put(row.size(), fields);
            }
            calls.add(legs.leg(fields.row(row, conventions), row));
        }

        @Override
        public void end(BatchCollector out) {
            if (calls != null) {
                calls.finish();
            }
        }

        /** Every column by its own name, and the customer from the caller column. */
        private FieldMap fieldMap(Columns columns) throws BadFieldException {
            Map<String, FieldSource> sources = new LinkedHashMap<>();
            for (int index = 0; index < columns.width(); index++) {
                sources.put(columns.name(index), FieldSource.Columns.of(columns.name(index)));
            }
            sources.put(FieldMap.CUSTOMER, FieldSource.Columns.of(callerColumn));
            return FieldMap.resolve(sources, sources.keySet(), Set.of(), columns, matcher);
        }
    }

    private static String customerColumn(SourceDefinition definition, String callerColumn, DelimitedLayout layout)
            throws DefinitionException {
        FieldSource mapped = definition.fields().get(FieldMap.CUSTOMER);
        if (mapped == null) {
            return callerColumn;
        }
        if (!(mapped instanceof FieldSource.Columns columns) || columns.references().size() != 1) {
            throw new DefinitionException("fields.customer_id", "must name one column of the CDR");
        }
        String column = columns.references().get(0);
        boolean known = layout.fixedColumns().values().stream().allMatch(names -> names.contains(column));
        if (!known) {
            throw new DefinitionException("fields.customer_id", "'" + column + "' is not a column of this CDR; its "
                    + "columns are " + String.join(", ", widest(layout)));
        }
        return column;
    }

    private static List<String> widest(DelimitedLayout layout) {
        return layout.fixedColumns().values().stream().max((a, b) -> a.size() - b.size()).orElse(List.of());
    }

    static int window(SourceDefinition definition) throws DefinitionException {
        String minutes = definition.option("correlationMinutes").orElse(String.valueOf(DEFAULT_WINDOW_MINUTES));
        try {
            int value = Integer.parseInt(minutes);
            if (value >= 1 && value <= LONGEST_WINDOW_MINUTES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DefinitionException("options.correlationMinutes", "'" + minutes + "' is not a number of minutes "
                + "(1 to " + LONGEST_WINDOW_MINUTES + ") within which the legs of one call are written");
    }
}
