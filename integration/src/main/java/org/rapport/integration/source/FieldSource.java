package org.rapport.integration.source;

import java.util.List;

/** Where a canonical field's value comes from in a source: one or more columns, or a constant. */
public sealed interface FieldSource {

    /**
     * Columns (CSV) or JSON pointers (JSON); several are joined with a space, as for a date in one
     * column and its time in the next. A CSV column is named by its header, or by position as
     * {@code #7} (1-based) when the header repeats a name or has none.
     */
    record Columns(List<String> references) implements FieldSource {
        public Columns {
            references = List.copyOf(references);
        }

        public static Columns of(String... references) {
            return new Columns(List.of(references));
        }

        @Override
        public String toString() {
            return references.size() == 1 ? references.get(0) : String.join(" + ", references);
        }
    }

    /** The same value for every row, for what the source does not say (e.g. a consent the contract settles). */
    record Constant(String value) implements FieldSource {
    }
}
