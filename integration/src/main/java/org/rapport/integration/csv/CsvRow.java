package org.rapport.integration.csv;

import java.util.Locale;
import java.util.Map;

import org.rapport.integration.csv.DelimitedText.Row;

/**
 * One data row of a canonical CSV file, read by column name with the {@linkplain FieldConventions#CANONICAL
 * canonical conventions}. A column the file does not have reads as blank: the required ones were checked
 * in the header, so only optional ones can be missing. Not thread-safe.
 */
public class CsvRow extends FieldRow {

    private final Row record;
    private final Map<String, Integer> columns;

    CsvRow(Row record, Map<String, Integer> columns) {
        super(record.line(), FieldConventions.CANONICAL);
        this.record = record;
        this.columns = columns;
    }

    @Override
    protected String raw(String column) {
        Integer index = columns.get(column.toLowerCase(Locale.ROOT));
        if (index == null) {
            return "";
        }
        return record.get(index);
    }
}
