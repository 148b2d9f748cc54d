package org.rapport.rules.engine;

/**
 * A problem found in a rule file, with the place it was found so the author can go straight there.
 * For a DRL file, line and column of the text; for a decision table, row and column of the
 * spreadsheet (column A is 1), and the sheet for a workbook. 1-based; 0 when it could not be told.
 *
 * @param sheet the worksheet of an {@code .xlsx} decision table; {@code null} for other files
 */
public record RuleMessage(String file, String sheet, int line, int column, String text) {

    /** A message about a file without sheets. */
    public RuleMessage(String file, int line, int column, String text) {
        this(file, null, line, column, text);
    }

    @Override
    public String toString() {
        return file + (sheet == null ? "" : "[" + sheet + "]") + ":" + line + ":" + column + ": " + text;
    }
}
