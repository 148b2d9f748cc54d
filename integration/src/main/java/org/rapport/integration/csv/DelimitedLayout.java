package org.rapport.integration.csv;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a source lays out its delimited text: the delimiter, whether fields may be quoted, and where
 * the column names come from — header rows at the top, or fixed names chosen by the number of
 * fields (telephony CDRs have no header and several known widths), or leading names followed by a
 * variable number of data fields (Asterisk's queue_log).
 *
 * @param delimiter    the field separator
 * @param quoted       whether {@code "} quotes fields; queue_log does not quote, so a quote there is data
 * @param headerRows   how many rows at the top name the columns (0: none)
 * @param fixedColumns for files without header: field count to column names
 * @param minFields    for variable-width rows: the fewest fields a row may have (0: not variable)
 */
public record DelimitedLayout(char delimiter, boolean quoted, int headerRows, Map<Integer, List<String>> fixedColumns,
        int minFields) {

    public DelimitedLayout {
        fixedColumns = Collections.unmodifiableSortedMap(new TreeMap<>(fixedColumns));
    }

    /** Column names in the first of {@code headerRows} rows; the others are labels (question texts, ids). */
    public static DelimitedLayout withHeader(char delimiter, int headerRows) {
        return new DelimitedLayout(delimiter, true, headerRows, Map.of(), 0);
    }

    /** No header: the number of fields in a row says which columns it has. */
    public static DelimitedLayout headerless(char delimiter, Map<Integer, List<String>> columnsByFieldCount) {
        return new DelimitedLayout(delimiter, true, 0, columnsByFieldCount, 0);
    }

    /** No header, no quoting, named leading fields and any number of data fields after them. */
    public static DelimitedLayout variable(char delimiter, List<String> leadingColumns) {
        return new DelimitedLayout(delimiter, false, 0, Map.of(leadingColumns.size(), leadingColumns),
                leadingColumns.size());
    }

    /** Whether a row of {@code fields} fields fits, and if not why. Null when it fits. */
    String misfit(int fields, int headerFields) {
        if (headerRows > 0) {
            return fields == headerFields ? null : "expected " + headerFields + " fields, found " + fields;
        }
        if (minFields > 0) {
            return fields >= minFields ? null : "expected at least " + minFields + " fields, found " + fields;
        }
        if (fixedColumns.containsKey(fields)) {
            return null;
        }
        List<String> counts = fixedColumns.keySet().stream().map(String::valueOf).toList();
        String expected = counts.size() == 1 ? counts.get(0)
                : String.join(", ", counts.subList(0, counts.size() - 1)) + " or " + counts.get(counts.size() - 1);
        return "expected " + expected + " fields, found " + fields;
    }
}
