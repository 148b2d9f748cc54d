package org.rapport.engine.intake;

/**
 * A row a format adapter could not map, with where and why.
 *
 * @param line    1-based line where the row starts in the file
 * @param field   the column at fault, or {@link #WHOLE_RECORD}
 * @param reason  what is wrong, in words an integration engineer can act on
 * @param rawText the row as delivered
 */
public record QuarantinedRow(long line, String field, String reason, String rawText) {

    /** The field name used when the row as a whole is wrong (e.g. a wrong number of fields). */
    public static final String WHOLE_RECORD = "(record)";

    /** This row as the reason a whole file is refused: {@code line 1, field status: …}. */
    public String asRejection() {
        return "line " + line + ", field " + field + ": " + reason;
    }
}
