package org.rapport.engine.schema;

/** The schema could not be brought to this release's version; the message says why and what to do. */
public class SchemaMigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchemaMigrationException(String message) {
        super(message);
    }

    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
