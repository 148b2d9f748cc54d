package org.rapport.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.rapport.engine.intake.CollectedRows;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.Checksums;

/**
 * A real-world file format mapped onto Rapport's canonical records. Implementations are stateless
 * and thread-safe: one instance serves every file of its source.
 */
public interface IntakeFormat {

    /** What the files of this format deliver. */
    SourceKind kind();

    /** The source's name in the intake ledger. */
    String source();

    /**
     * Reads one delivered file row by row, handing each good row to {@code sink} as a record and each
     * bad row quarantined, as soon as it is read: nothing of the file is held beyond what the format
     * correlates (a call's open events). The stream is not closed.
     *
     * @return null, or why the file as a whole is refused (empty, wrong header, not text), naming line and
     *         field; rows already handed over must then be discarded by the sink's owner
     * @throws IOException only when the bytes cannot be read at all; never for what they contain
     */
    QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException;

    /**
     * Feeds the digest with what the checksum covers besides the delivered file itself, before it: a
     * companion table the file is joined with. Most formats read one file alone.
     */
    default void digestCompanions(String fileName, MessageDigest digest) throws IOException {
        // one file, one checksum
    }

    /**
     * The ledger's checksum of a delivered file: SHA-256 of its companions' bytes and then of its own,
     * hex. A hashing pass before the rows are read, so a duplicate is known without parsing it. The
     * stream is read to its end, not closed.
     */
    default String checksum(String fileName, InputStream content) throws IOException {
        MessageDigest digest = Checksums.sha256();
        digestCompanions(fileName, digest);
        new DigestInputStream(content, digest).transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Reads one delivered file whole, in one pass that also takes its checksum: good rows become records,
     * bad rows are quarantined, an unusable file comes back {@linkplain IntakeBatch#rejected rejected}.
     * For tests and small files: the intake's transports use {@link #stream}. The stream is read to its
     * end but not closed.
     */
    default IntakeBatch read(String fileName, InputStream content) throws IOException {
        MessageDigest digest = Checksums.sha256();
        digestCompanions(fileName, digest);
        DigestInputStream bytes = new DigestInputStream(content, digest);
        CollectedRows rows = new CollectedRows();
        QuarantinedRow rejection = stream(fileName, bytes, rows);
        bytes.transferTo(OutputStream.nullOutputStream());
        return rows.toBatch(kind(), source(), fileName, HexFormat.of().formatHex(digest.digest()), rejection);
    }
}
