package org.rapport.integration.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.DefinitionProblem;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDefinitions;

/**
 * A definition tried on a sample file before it is saved: the definition is checked as saving checks it,
 * bound to its format as the intake binds it, and the sample read by that format into a sink that keeps
 * the first rows as records and the quarantined rows with line, field and reason. Nothing is stored and
 * nothing is written: no batch, no record, no quarantine row, no definition file. A file the format
 * refuses as a whole because a mapped column is not in its header is reported at the mapping's field
 * ({@code fields.customer_id}), where the definition must change. Thread-safe: each trial has its own state.
 */
public final class SampleTrial {

    /** How many records a trial shows. */
    public static final int FIRST_ROWS = 20;
    /** How many quarantined rows a trial shows; all are counted. */
    public static final int MOST_QUARANTINED = 200;

    private final FormatCatalog catalog;
    private final Path sourcesDir;
    private final SourceBoundaries boundaries;
    private final CustomerDirectory customers;

    /**
     * @param sourcesDir where relative folders in a definition are taken from, as when it is saved
     * @param customers  finds customers by account or telephone number, read only
     */
    public SampleTrial(FormatCatalog catalog, Path sourcesDir, SourceBoundaries boundaries, CustomerDirectory customers) {
        this.catalog = catalog;
        this.sourcesDir = sourcesDir;
        this.boundaries = boundaries;
        this.customers = customers;
    }

    /**
     * Tries the definition of source {@code name} on a sample. The stream is read, not closed.
     *
     * @throws IOException only when the sample's bytes cannot be read at all
     */
    public Outcome tryOn(String name, String definitionJson, String sampleName, InputStream sample) throws IOException {
        String shown = name + ".json";
        SourceDefinitions.Parsed parsed = SourceDefinitions.parse(shown, definitionJson, sourcesDir, catalog, boundaries);
        List<DefinitionProblem> problems = new ArrayList<>(parsed.problems());
        parsed.definition().filter(definition -> !definition.name().equals(name)).ifPresent(definition -> problems.add(
                new DefinitionProblem(shown, "name", "is '" + definition.name() + "' but the definition was sent for '"
                        + name + "'")));
        if (!problems.isEmpty()) {
            return Outcome.notTried(problems);
        }
        SourceDefinition definition = parsed.definition().orElseThrow();
        IntakeFormat format;
        try {
            format = catalog.bind(definition, customers);
        } catch (DefinitionException e) {
            return Outcome.notTried(List.of(new DefinitionProblem(shown, e.field(), e.getMessage())));
        }
        Sample rows = new Sample();
        QuarantinedRow rejection = format.stream(sampleName, sample, rows);
        if (rejection != null) {
            Optional<String> field = mappingField(definition, rejection);
            List<DefinitionProblem> atField = field.map(at -> List.of(new DefinitionProblem(shown, at,
                    "the sample's " + (rejection.line() <= 1 ? "header" : "line " + rejection.line()) + ": "
                            + rejection.reason()))).orElse(List.of());
            return new Outcome(true, atField, rejection.asRejection(), List.of(), List.of(rejection), 0, 1);
        }
        return new Outcome(true, List.of(), null, rows.first, rows.quarantined, rows.recordCount, rows.quarantinedCount);
    }

    /**
     * The definition's field a whole-file refusal is about: the mapping naming the missing column, or the
     * canonical field nothing gives; empty when the refusal is about something else (an empty file, not text).
     */
    static Optional<String> mappingField(SourceDefinition definition, QuarantinedRow rejection) {
        String at = rejection.field() == null ? "" : rejection.field().strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, FieldSource> mapped : definition.fields().entrySet()) {
            if (mapped.getValue() instanceof FieldSource.Columns columns && columns.references().stream()
                    .anyMatch(reference -> reference.strip().toLowerCase(Locale.ROOT).equals(at))) {
                return Optional.of("fields." + mapped.getKey());
            }
        }
        if (KindMapping.of(definition.kind()).known().contains(rejection.field())) {
            return Optional.of("fields." + rejection.field());
        }
        return Optional.empty();
    }

    /**
     * What a trial found.
     *
     * @param tried            false when the definition has problems that stop it being tried at all
     * @param problems         what is wrong with the definition, each at its field
     * @param rejection        why the sample as a whole would be refused, or null
     * @param rows             the first {@value #FIRST_ROWS} records, as they would be stored
     * @param quarantined      the first {@value #MOST_QUARANTINED} rows that would be quarantined
     * @param rowsAccepted     how many rows would be stored
     * @param rowsQuarantined  how many rows would be quarantined
     */
    public record Outcome(boolean tried, List<DefinitionProblem> problems, String rejection, List<SampleRow> rows,
            List<QuarantinedRow> quarantined, long rowsAccepted, long rowsQuarantined) {

        public Outcome {
            problems = List.copyOf(problems);
            rows = List.copyOf(rows);
            quarantined = List.copyOf(quarantined);
        }

        static Outcome notTried(List<DefinitionProblem> problems) {
            return new Outcome(false, problems, null, List.of(), List.of(), 0, 0);
        }
    }

    /**
     * A record as it would be stored: its canonical fields by the record's own names, in the record's order,
     * as text ({@code null} for a field the row leaves empty).
     */
    public record SampleRow(long line, Map<String, String> fields) {

        public SampleRow {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        static SampleRow of(CanonicalRecord record) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals("line")) {
                    continue;
                }
                try {
                    Object value = component.getAccessor().invoke(record);
                    fields.put(component.getName(), value == null ? null : value.toString());
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("The record " + record.getClass().getSimpleName()
                            + " cannot be shown", e);
                }
            }
            return new SampleRow(record.line(), fields);
        }
    }

    /** Keeps what a trial shows and counts the rest; the sample itself is bounded by the caller. */
    private static final class Sample implements RecordSink {
        private final List<SampleRow> first = new ArrayList<>();
        private final List<QuarantinedRow> quarantined = new ArrayList<>();
        private long recordCount;
        private long quarantinedCount;

        @Override
        public void record(CanonicalRecord record) {
            recordCount++;
            if (first.size() < FIRST_ROWS) {
                first.add(SampleRow.of(record));
            }
        }

        @Override
        public void quarantine(QuarantinedRow row) {
            quarantinedCount++;
            if (quarantined.size() < MOST_QUARANTINED) {
                quarantined.add(row);
            }
        }
    }
}
