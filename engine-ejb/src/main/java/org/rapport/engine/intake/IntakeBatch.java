package org.rapport.engine.intake;

import java.util.List;
import java.util.Objects;

/**
 * One delivered file, read by a format adapter: its good rows as canonical records, its bad rows
 * quarantined, or — when the file as a whole is unusable — the reason it was rejected.
 *
 * @param kind        what the source delivers
 * @param source      the source's name, e.g. "sample-crm"
 * @param fileName    the delivered file's name
 * @param checksum    SHA-256 of the delivered bytes, hex; the ledger key
 * @param records     rows that mapped
 * @param quarantined rows that did not
 * @param rejection   null, or why the whole file was refused (naming line and field)
 */
public record IntakeBatch(SourceKind kind, String source, String fileName, String checksum,
        List<? extends CanonicalRecord> records, List<QuarantinedRow> quarantined, String rejection) {

    public IntakeBatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(checksum, "checksum");
        records = List.copyOf(records);
        quarantined = List.copyOf(quarantined);
    }

    /** A file that could not be read at all; {@code reason} names the line and field. */
    public static IntakeBatch rejected(SourceKind kind, String source, String fileName, String checksum,
            QuarantinedRow reason) {
        return new IntakeBatch(kind, source, fileName, checksum, List.of(), List.of(reason), reason.asRejection());
    }

    public boolean isRejected() {
        return rejection != null;
    }
}
