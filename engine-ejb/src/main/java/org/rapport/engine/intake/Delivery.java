package org.rapport.engine.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * A delivered file on its way into the store, read while it is stored.
 *
 * @param kind     what the source delivers
 * @param source   the source's name, e.g. "file-drop/calls"
 * @param fileName the delivered file's name
 * @param checksum SHA-256 of the delivered bytes, hex, known before the rows are read (a hashing pass
 *                 over the file), so that a duplicate is recorded without being parsed
 * @param keptAs   where the transport keeps the file once it is stored, in its own terms (the file
 *                 drop: the path under its intake folder), so that a replay can read it again; may be null
 * @param content  the rows, read on demand
 */
public record Delivery(SourceKind kind, String source, String fileName, String checksum, String keptAs,
        DeliveryContent content) {

    public Delivery {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(content, "content");
    }

    /**
     * Reads the file from its start into {@code sink}, row by row (see {@link DeliveryContent#readInto}).
     *
     * @return null when the file was read to its end, or why the file as a whole is refused
     * @throws UncheckedIOException naming the file, when its bytes cannot be read at all: a technical fault
     */
    public QuarantinedRow read(RecordSink sink) {
        try {
            return content.readInto(sink);
        } catch (IOException e) {
            throw new UncheckedIOException("File '" + fileName + "' could not be read", e);
        }
    }

    /** A file already read whole (tests, small deliveries): its rows are handed over from memory. */
    public static Delivery of(IntakeBatch batch) {
        return new Delivery(batch.kind(), batch.source(), batch.fileName(), batch.checksum(), null, sink -> {
            batch.records().forEach(sink::record);
            batch.quarantined().forEach(sink::quarantine);
            return null;
        });
    }
}
