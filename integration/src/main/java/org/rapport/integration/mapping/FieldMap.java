package org.rapport.integration.mapping;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.FieldRow;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.FieldSource;

/**
 * A definition's field mapping resolved against one file's header: each canonical field to the
 * column positions it is read from (or a constant), found once per file rather than once per row.
 * The customer field goes through the source's customer matcher. Immutable.
 */
public final class FieldMap {

    /** The canonical field holding who the row is about. */
    public static final String CUSTOMER = "customer_id";

    private final Map<String, Resolved> fields;
    private final CustomerMatcher matcher;
    private final Map<String, Derivation> derived;

    private FieldMap(Map<String, Resolved> fields, CustomerMatcher matcher, Map<String, Derivation> derived) {
        this.fields = fields;
        this.matcher = matcher;
        this.derived = derived;
    }

    /**
     * A field a format computes from other fields of the row when nothing maps it directly, e.g.
     * a customer's start date from the tenure in months.
     */
    @FunctionalInterface
    public interface Derivation {
        /** The derived value as text, or null; reads the other fields through {@code row}'s typed getters. */
        String derive(FieldRow row) throws BadFieldException;
    }

    /** The same map, computing {@code derivations} for the fields nothing maps. */
    public FieldMap deriving(Map<String, Derivation> derivations) {
        return new FieldMap(fields, matcher, Map.copyOf(derivations));
    }

    /**
     * Resolves the field sources against a header. A canonical field the mapping leaves out is
     * read from a column of its own name when there is one.
     *
     * @param known    every field the kind has
     * @param required the fields a row cannot do without
     * @throws BadFieldException naming the column when a mapped column is not in the header, or a
     *                           required field has nothing to come from; the file is then rejected
     */
    public static FieldMap resolve(Map<String, FieldSource> sources, Set<String> known, Set<String> required,
            Columns columns, CustomerMatcher matcher) throws BadFieldException {
        Map<String, FieldSource> effective = new LinkedHashMap<>();
        for (String field : known) {
            if (columns.has(field)) {
                effective.put(field, FieldSource.Columns.of(field));
            }
        }
        effective.putAll(sources);
        Map<String, Resolved> resolved = new HashMap<>();
        for (Map.Entry<String, FieldSource> entry : effective.entrySet()) {
            resolved.put(entry.getKey(), resolve(entry.getKey(), entry.getValue(), columns));
        }
        List<String> missing = required.stream().filter(field -> !resolved.containsKey(field)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new BadFieldException(missing.get(0), "nothing gives " + String.join(", ", missing)
                    + ": the header has no column of that name and the definition maps none");
        }
        return new FieldMap(resolved, matcher, Map.of());
    }

    /** The row's fields, typed under the source's conventions. */
    public FieldRow row(DelimitedRow row, FieldConventions conventions) {
        return new MappedRow(row.line(), row::get, conventions);
    }

    /** A row whose cells come from elsewhere (a row joined with its companion), by 0-based column index. */
    public FieldRow row(long line, IntFunction<String> cells, FieldConventions conventions) {
        return new MappedRow(line, cells, conventions);
    }

    private static Resolved resolve(String field, FieldSource source, Columns columns) throws BadFieldException {
        if (source instanceof FieldSource.Constant constant) {
            return new Resolved(new int[0], constant.value(), field);
        }
        List<String> references = ((FieldSource.Columns) source).references();
        int[] indexes = new int[references.size()];
        for (int index = 0; index < indexes.length; index++) {
            try {
                indexes[index] = columns.index(references.get(index));
            } catch (BadFieldException e) {
                throw new BadFieldException(e.field(), e.reason() + " (mapped to " + field + ")");
            }
        }
        String label = references.stream().collect(Collectors.joining(" + "));
        return new Resolved(indexes, null, label);
    }

    private String value(String field, IntFunction<String> cells, FieldRow row) throws BadFieldException {
        Resolved resolved = fields.get(field);
        if (resolved == null) {
            Derivation derivation = derived.get(field);
            return derivation == null ? null : derivation.derive(row);
        }
        String value = resolved.constant() != null ? resolved.constant() : joined(resolved.indexes(), cells);
        return field.equals(CUSTOMER) ? matcher.customerRef(value) : value;
    }

    /** Several columns make one value, e.g. a date and a time: joined with a space, blanks left out. */
    private static String joined(int[] indexes, IntFunction<String> cells) {
        if (indexes.length == 1) {
            return cells.apply(indexes[0]);
        }
        StringBuilder value = new StringBuilder();
        for (int index : indexes) {
            String part = cells.apply(index);
            if (part != null && !part.isBlank()) {
                value.append(value.length() == 0 ? "" : " ").append(part.strip());
            }
        }
        return value.toString();
    }

    private record Resolved(int[] indexes, String constant, String label) {
    }

    /** One row seen through the map. */
    private final class MappedRow extends FieldRow {
        private final IntFunction<String> cells;

        MappedRow(long line, IntFunction<String> cells, FieldConventions conventions) {
            super(line, conventions);
            this.cells = cells;
        }

        @Override
        protected String raw(String field) throws BadFieldException {
            return value(field, cells, this);
        }

        @Override
        protected String label(String field) {
            Resolved resolved = fields.get(field);
            return resolved == null ? field : resolved.label();
        }
    }
}
