package org.rapport.integration.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
/**
 * The columns of a delivered file, found by reference: {@code #7} is the seventh column; a name is
 * looked up in the first header row, then — when it is not there — in the other header rows (a
 * Qualtrics question text or import id, a SurveyMonkey sub-header) provided it is named only once.
 * Names match trimmed and in any letter case. Immutable.
 */
public final class Columns {

    private static final int NONE = -1;
    private static final int TWICE = -2;

    private final List<List<String>> headerRows;
    private final int width;
    /** Where each reference asked for was found: telephony formats ask for the same dozen names on every row. */
    private final Map<String, Integer> found = new ConcurrentHashMap<>();

    private Columns(List<List<String>> headerRows, int width) {
        this.headerRows = headerRows;
        this.width = width;
    }

    /** Columns named by header rows; {@code naming} turns a header cell into the name it is known by. */
    public static Columns of(List<List<String>> headerRows, UnaryOperator<String> naming) {
        List<List<String>> names = new ArrayList<>();
        for (List<String> row : headerRows) {
            names.add(row.stream().map(cell -> normal(naming.apply(cell))).toList());
        }
        return new Columns(List.copyOf(names), headerRows.isEmpty() ? 0 : headerRows.get(0).size());
    }

    /** Columns with fixed names, for files without a header. */
    public static Columns fixed(List<String> names) {
        return of(List.of(names), UnaryOperator.identity());
    }

    /** How many columns the header names. */
    public int width() {
        return width;
    }

    /** The name of a column in the first header row. */
    public String name(int index) {
        return headerRows.isEmpty() ? "#" + (index + 1) : headerRows.get(0).get(index);
    }

    /**
     * The 0-based index of a referenced column.
     *
     * @throws BadFieldException naming the reference when no column, or more than one, answers to it
     */
    public int index(String reference) throws BadFieldException {
        int index = find(reference);
        if (index == NONE) {
            if (isPosition(reference)) {
                throw new BadFieldException(reference, "the file has " + width + " columns, there is no column "
                        + reference);
            }
            throw new BadFieldException(reference, "the header has no column '" + reference + "'");
        }
        if (index == TWICE) {
            List<String> row = headerRows.stream().filter(names -> names.contains(normal(reference))).findFirst()
                    .orElseThrow();
            throw new BadFieldException(reference, "the header names column '" + reference + "' more than once (#"
                    + (row.indexOf(normal(reference)) + 1) + " and #" + (row.lastIndexOf(normal(reference)) + 1)
                    + "); refer to it by position");
        }
        return index;
    }

    /** Whether a reference names a column (once). */
    public boolean has(String reference) {
        return find(reference) >= 0;
    }

    /** The index, or {@link #NONE} or {@link #TWICE}; cheap, as telephony formats ask for every row. */
    private int find(String reference) {
        return found.computeIfAbsent(reference, this::locate);
    }

    private int locate(String reference) {
        if (isPosition(reference)) {
            int position = Integer.parseInt(reference.substring(1));
            return position >= 1 && position <= width ? position - 1 : NONE;
        }
        String name = normal(reference);
        for (List<String> row : headerRows) {
            int first = row.indexOf(name);
            if (first >= 0) {
                return row.lastIndexOf(name) == first ? first : TWICE;
            }
        }
        return NONE;
    }

    private static boolean isPosition(String reference) {
        return reference.length() > 1 && reference.startsWith("#") && reference.substring(1).matches("\\d{1,6}");
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
