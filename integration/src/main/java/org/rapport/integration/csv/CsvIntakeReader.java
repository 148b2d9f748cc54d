package org.rapport.integration.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.DelimitedText.MalformedTextException;
import org.rapport.integration.csv.DelimitedText.Row;

/**
 * The one way a delivered CSV file is read: UTF-8 text (a byte-order mark tolerated), RFC 4180
 * quoting ({@link DelimitedText}), a header row naming the columns in any order and letter case. Extra columns are
 * ignored; a missing required column, an empty file, text that is not UTF-8 or CSV that cannot be
 * parsed rejects the file. Each data row goes through the format's {@link RowMapper}: rows that do
 * not map are quarantined with their line, field, reason and text as delivered, and the good rows
 * still go through. Blank lines and rows whose fields are all blank are skipped. Each row goes to the
 * sink as soon as it is read; only the text of the row being read is held. Thread-safe: each
 * {@link #stream} has its own state.
 */
public class CsvIntakeReader<R extends CanonicalRecord> {

    private static final String WHOLE_RECORD = QuarantinedRow.WHOLE_RECORD;

    private final SourceKind kind;
    private final String source;
    private final List<String> requiredColumns;
    private final RowMapper<R> mapper;

    public CsvIntakeReader(SourceKind kind, String source, List<String> requiredColumns, RowMapper<R> mapper) {
        this.kind = kind;
        this.source = source;
        this.requiredColumns = List.copyOf(requiredColumns);
        this.mapper = mapper;
    }

    /** The source's name in the intake ledger. */
    public String source() {
        return source;
    }

    /**
     * Reads a delivered file to its end into {@code sink}; see the class comment for what becomes of it.
     * The stream is read to its last byte but not closed.
     *
     * @return null, or why the file as a whole is refused
     */
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        Reading reading = new Reading(new StrictUtf8Reader(content), sink);
        reading.parse();
        content.transferTo(OutputStream.nullOutputStream());
        return reading.rejection;
    }

    /** One file being read: what it has given so far. */
    private final class Reading {
        private final StrictUtf8Reader text;
        private final Transcript transcript;
        private final RecordSink sink;
        private QuarantinedRow rejection;
        /** How many fields every row must have: as many as the header. */
        private int fieldCount;
        /** A bad row waiting for its text, known once the next row's position is. */
        private PendingRow pending;
        /** The line where the row being read starts. */
        private long line = 1;

        Reading(StrictUtf8Reader text, RecordSink sink) {
            this.text = text;
            this.transcript = new Transcript(text);
            this.sink = sink;
        }

        void parse() throws IOException {
            try {
                DelimitedText rows = DelimitedText.rfc4180(transcript);
                Row header = rows.next();
                Map<String, Integer> columns = header != null ? columns(header) : rejectAsEmpty();
                if (rejection == null) {
                    readRows(rows, columns);
                }
            } catch (IOException e) {
                rejectUnreadable(e);
            }
        }

        private void readRows(DelimitedText rows, Map<String, Integer> columns) throws IOException {
            while (true) {
                // Known before the row is read: text the parser cannot follow is placed here.
                line = rows.nextLine();
                Row row = rows.next();
                if (row == null) {
                    settlePending(-1);
                    return;
                }
                settlePending(row.position());
                transcript.forgetBefore(row.position());
                if (row.isBlank()) {
                    continue;
                }
                if (row.size() != fieldCount) {
                    pending = new PendingRow(line, WHOLE_RECORD,
                            "expected " + fieldCount + " fields, found " + row.size(), row.position());
                    continue;
                }
                try {
                    sink.record(mapper.map(new CsvRow(row, columns)));
                } catch (BadFieldException e) {
                    pending = new PendingRow(line, e.field(), e.reason(), row.position());
                }
            }
        }

        /** Column name (lower case) to index; rejects the file when a required column is missing or repeated. */
        private Map<String, Integer> columns(Row header) throws IOException {
            Map<String, Integer> columns = new HashMap<>();
            if (header.isBlank()) {
                text.readToEnd();
                return text.onlyWhitespaceSoFar() ? rejectAsEmpty() : reject(WHOLE_RECORD, "the header row is blank");
            }
            for (int index = 0; index < header.size(); index++) {
                String name = header.get(index).strip().toLowerCase(Locale.ROOT);
                Integer earlier = columns.putIfAbsent(name, index);
                if (earlier != null && requiredColumns.contains(name)) {
                    return reject(name, "the header names column '" + name + "' twice");
                }
            }
            fieldCount = header.size();
            List<String> missing = requiredColumns.stream().filter(column -> !columns.containsKey(column)).toList();
            if (!missing.isEmpty()) {
                return reject(missing.get(0), "the header lacks column" + (missing.size() == 1 ? " " : "s ")
                        + String.join(", ", missing) + "; a " + kind.name().toLowerCase(Locale.ROOT)
                        + " file needs " + String.join(",", requiredColumns));
            }
            return columns;
        }

        private Map<String, Integer> rejectAsEmpty() {
            rejection = new QuarantinedRow(1, WHOLE_RECORD, "file is empty: no header row", "");
            return Map.of();
        }

        private Map<String, Integer> reject(String field, String reason) {
            rejection = new QuarantinedRow(1, field, reason, headerText());
            return Map.of();
        }

        /** Text that is not UTF-8 or not CSV rejects the file; any other I/O failure is a technical fault. */
        private void rejectUnreadable(IOException failure) throws IOException {
            if (failure instanceof NotTextException notText) {
                rejection = new QuarantinedRow(notText.line(), WHOLE_RECORD, notText.getMessage(), "");
            } else if (failure instanceof MalformedTextException) {
                // The parser cannot resynchronise after broken quoting: keeping only the rows before it
                // would store part of a file that, once fixed and delivered again, counts as new content.
                rejection = new QuarantinedRow(line, WHOLE_RECORD,
                        "not valid CSV from here on: " + failure.getMessage(), "");
            } else {
                throw failure;
            }
        }

        /** Quarantines the pending bad row with its text, which ends where the next row starts (-1: the end). */
        private void settlePending(long nextPosition) {
            if (pending != null) {
                String rawText = nextPosition < 0 ? transcript.from(pending.position())
                        : transcript.between(pending.position(), nextPosition);
                sink.quarantine(new QuarantinedRow(pending.line(), pending.field(), pending.reason(), rawText));
                pending = null;
            }
        }

        private String headerText() {
            String start = transcript.from(0);
            int lineBreak = start.indexOf('\n');
            String header = lineBreak < 0 ? start : start.substring(0, lineBreak);
            return header.endsWith("\r") ? header.substring(0, header.length() - 1) : header;
        }
    }

    /** A bad row whose text is not known yet. */
    private record PendingRow(long line, String field, String reason, long position) {
    }
}
