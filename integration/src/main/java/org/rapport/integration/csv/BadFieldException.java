package org.rapport.integration.csv;

/** A row's field that cannot be mapped; the row is quarantined with this field and reason. */
public class BadFieldException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BadFieldException(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    /** The column at fault, or {@link org.rapport.engine.intake.QuarantinedRow#WHOLE_RECORD}. */
    public String field() {
        return field;
    }

    /** What is wrong, in words an integration engineer can act on. */
    public String reason() {
        return getMessage();
    }
}
