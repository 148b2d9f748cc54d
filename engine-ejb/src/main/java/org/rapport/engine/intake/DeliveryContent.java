package org.rapport.engine.intake;

import java.io.IOException;

/**
 * The rows of a delivered file, read when the intake asks for them: inside the transaction that
 * stores them, and only once the intake knows the content is not a duplicate.
 */
@FunctionalInterface
public interface DeliveryContent {

    /**
     * Reads the file from its start into {@code sink}, row by row.
     *
     * @return null when the file was read to its end, or why the file as a whole is refused (its line
     *         and field); rows already handed to the sink are then not kept
     * @throws IOException when the bytes cannot be read at all: a technical fault, nothing is stored
     */
    QuarantinedRow readInto(RecordSink sink) throws IOException;
}
