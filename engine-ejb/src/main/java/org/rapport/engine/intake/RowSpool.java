package org.rapport.engine.intake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * The rows of a file as its check read them ({@link ChunkedIntake}), kept in a temporary file of this process so that
 * its writing reads them back instead of reading the file again: the format's parsing (CSV, dates, a PBX's legs made
 * calls) was a sixth of the intake's CPU a second time, reading the rows back about a tenth of that (800,000 calls:
 * about 0.5 s each way, 73 MB). Java serialization, read back through a filter that lets only the intake's own records
 * and the JDK types they hold through.
 * <p>
 * Never a reason to refuse a file or to wait: a spool that cannot be written (the temporary disk full, say) stops
 * spooling and the writing reads the file again, as it did before. The temporary file is readable by this process's
 * user alone and deleted when closed. Not thread-safe: written by the check's reading, then read once by the writing.
 */
final class RowSpool implements RecordSink, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RowSpool.class.getName());

    /** Objects written between two resets: the stream's table of objects written stays small. */
    private static final int RESET_EVERY = 1_000;

    private static final ObjectInputFilter ONLY_ROWS = ObjectInputFilter.Config.createFilter(
            "maxdepth=8;org.rapport.engine.intake.CallRecord;org.rapport.engine.intake.CustomerRecord;"
                    + "org.rapport.engine.intake.SurveyResponseRecord;org.rapport.engine.intake.PurchaseRecord;"
                    + "org.rapport.engine.intake.ServiceCaseRecord;org.rapport.engine.intake.QuarantinedRow;"
                    + "org.rapport.engine.contact.CallOutcome;org.rapport.engine.customer.CustomerStatus;"
                    + "org.rapport.engine.customer.ChurnReason;org.rapport.engine.servicecase.ServiceCaseKind;"
                    + "java.time.*;java.math.BigDecimal;java.math.BigInteger;java.lang.Number;java.lang.Enum;"
                    + "java.lang.Boolean;java.lang.Integer;java.lang.String;!*");

    private final Path file;
    private ObjectOutputStream out;
    private long rows;
    private boolean usable;

    private RowSpool(Path file, ObjectOutputStream out) {
        this.file = file;
        this.out = out;
        this.usable = out != null;
    }

    /** A spool in a new temporary file; one that keeps nothing when the file cannot be made. */
    static RowSpool open() {
        return open(null);
    }

    /** As {@link #open()}, in {@code directory} (null: the temporary files' directory). */
    static RowSpool open(Path directory) {
        Path file = null;
        try {
            file = directory == null ? Files.createTempFile("rapport-rows-", ".spool")
                    : Files.createTempFile(directory, "rapport-rows-", ".spool");
            return new RowSpool(file, new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                    1 << 16)));
        } catch (IOException e) {
            LOG.warning(() -> "Rows not spooled, the file will be read again (" + e + ")");
            deleteQuietly(file);
            return new RowSpool(null, null);
        }
    }

    @Override
    public void record(CanonicalRecord record) {
        write(record);
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        write(row);
    }

    private void write(Object row) {
        if (!usable) {
            return;
        }
        try {
            out.writeObject(row);
            if (++rows % RESET_EVERY == 0) {
                out.reset();
            }
        } catch (IOException e) {
            LOG.warning(() -> "Rows no longer spooled after " + rows + ", the file will be read again (" + e + ")");
            stopSpooling();
        }
    }

    /** Whether every row handed over is kept, so that {@link #readInto} gives the file's rows. */
    boolean usable() {
        return usable;
    }

    /**
     * Hands the rows kept to {@code sink}, in the order they came; call once the file was read to its end.
     *
     * @throws IllegalStateException when the spool was not usable or cannot be read back (nothing more is handed over)
     */
    void readInto(RecordSink sink) {
        if (!usable) {
            throw new IllegalStateException("The rows were not spooled");
        }
        try {
            finishWriting();
            try (InputStream bytes = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                    ObjectInputStream in = new ObjectInputStream(bytes)) {
                in.setObjectInputFilter(ONLY_ROWS);
                for (long read = 0; read < rows; read++) {
                    Object row = in.readObject();
                    if (row instanceof CanonicalRecord record) {
                        sink.record(record);
                    } else {
                        sink.quarantine((QuarantinedRow) row);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Spooled rows could not be read back", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Spooled rows could not be read back", e);
        }
    }

    /** Writes out what is buffered: nothing more is handed over. */
    void finishWriting() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** Where the rows are kept; null when nowhere. */
    Path file() {
        return file;
    }

    @Override
    public void close() {
        stopSpooling();
    }

    private void stopSpooling() {
        usable = false;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // the file goes anyway
            }
            out = null;
        }
        deleteQuietly(file);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warning(() -> "Spool " + file + " not deleted (" + e + ")");
        }
    }
}
