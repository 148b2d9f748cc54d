package org.rapport.integration.csv;

import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.rapport.integration.csv.DelimitedText.Row;

/** One data row of a delivered delimited file: its line, its fields, and the columns they belong to. */
public final class DelimitedRow {

    private final Row record;
    private final Columns columns;
    private final CSVFormat format;

    DelimitedRow(Row record, Columns columns, CSVFormat format) {
        this.record = record;
        this.columns = columns;
        this.format = format;
    }

    /** The file line (1-based) where the row starts. */
    public long line() {
        return record.line();
    }

    public int size() {
        return record.size();
    }

    /** The field at a 0-based index, as delivered; null beyond the row's end. */
    public String get(int index) {
        return index < record.size() ? record.get(index) : null;
    }

    /** The field of a named column, as delivered. */
    public String get(String column) throws BadFieldException {
        return get(columns.index(column));
    }

    public Columns columns() {
        return columns;
    }

    public List<String> values() {
        return record.toList();
    }

    /**
     * The row written back in its file's format: for a row quarantined after later rows were read
     * (a call assembled from several events), when its exact text is no longer at hand.
     */
    public String text() {
        return format.format((Object[]) record.fields()).strip();
    }
}
