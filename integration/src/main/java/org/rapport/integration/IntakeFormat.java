package org.rapport.integration;

import java.io.IOException;
import java.io.InputStream;

import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;

/**
 * A real-world file format mapped onto Rapport's canonical records. Implementations are stateless
 * and thread-safe: one instance serves every file of its source.
 */
public interface IntakeFormat {

    /** What the files of this format deliver. */
    SourceKind kind();

    /**
     * Reads one delivered file: good rows become records, bad rows are quarantined, an unusable file
     * comes back {@linkplain IntakeBatch#rejected rejected}. The stream is read to its end (the checksum
     * covers every byte) but not closed.
     *
     * @throws IOException only when the bytes cannot be read at all; never for what they contain
     */
    IntakeBatch read(String fileName, InputStream content) throws IOException;
}
