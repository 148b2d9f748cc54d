package org.rapport.integration.source;

/** A source definition that a format cannot work with, naming the field at fault. */
public class DefinitionException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DefinitionException(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The field's path in the definition, e.g. {@code options.snapshotDate}. */
    public String field() {
        return field;
    }
}
