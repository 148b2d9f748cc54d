package org.rapport.integration.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

import org.apache.commons.csv.CSVFormat;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.integration.csv.DelimitedText.MalformedTextException;
import org.rapport.integration.csv.DelimitedText.Row;

/**
 * Reads a source's delimited text ({@link DelimitedText}) row by row into a {@link RowSink}, in the source's
 * character set and {@link DelimitedLayout}. A row that does not fit — too many or too few fields,
 * a field its format refuses — is quarantined with its line, field, reason and text as delivered,
 * and the next row is read. Text that cannot be parsed any further (e.g. a quote never closed) quarantines
 * the rest of the file as one row and keeps everything before it. A file that is empty, not text, or whose
 * header the format refuses is rejected as a whole; so is a file cut off mid-row — its last row has no line
 * end and does not fit — since the rows before the cut are then an unknown part of what was meant to come.
 * Memory stays bounded by a row plus the parser's read-ahead. Thread-safe: each read has its own state.
 */
public final class DelimitedReader {

    private static final Logger LOG = Logger.getLogger(DelimitedReader.class.getName());
    private static final String WHOLE_RECORD = QuarantinedRow.WHOLE_RECORD;
    /** The engine keeps this much raw text of a quarantined row. */
    private static final int RAW_TEXT_KEPT = 4000;
    private static final String OTHER_DELIMITERS = ",;\t|";

    private final Charset charset;
    private final DelimitedLayout layout;
    private final UnaryOperator<String> naming;
    /** How a row is written back when its exact text is no longer at hand. */
    private final CSVFormat format;

    /** @param naming turns a header cell into the name a column is known by (Qualtrics import ids) */
    public DelimitedReader(Charset charset, DelimitedLayout layout, UnaryOperator<String> naming) {
        this.charset = charset;
        this.layout = layout;
        this.naming = naming;
        this.format = CSVFormat.RFC4180.builder()
                .setDelimiter(layout.delimiter())
                .setQuote(layout.quoted() ? Character.valueOf('"') : null)
                .setIgnoreEmptyLines(false)
                .get();
    }

    public DelimitedReader(Charset charset, DelimitedLayout layout) {
        this(charset, layout, UnaryOperator.identity());
    }

    /**
     * Reads a delivered file to its end, handing each record and quarantined row to {@code out} as soon as
     * it is read. The stream is read to its last byte (a digest wrapped around it covers the whole file)
     * but not closed.
     */
    public Reading read(String fileName, InputStream content, RowSink rows, RecordSink out) throws IOException {
        SourceTextReader text = new SourceTextReader(content, charset);
        Parse parse = new Parse(text, rows, new BatchCollector(out));
        parse.run();
        content.transferTo(OutputStream.nullOutputStream());
        if (text.replaced() > 0) {
            LOG.warning(() -> "File '" + fileName + "': " + text.replaced() + " bytes are not " + charset.name()
                    + " text and were replaced; rows whose mapped fields hold them are quarantined");
        }
        return new Reading(parse.rejection, text.replaced());
    }

    /**
     * What a file gave besides its rows.
     *
     * @param rejection null, or why the file as a whole was refused
     * @param replaced  how many characters could not be decoded in the source's character set
     */
    public record Reading(QuarantinedRow rejection, long replaced) {
    }

    /** One file being read. */
    private final class Parse {
        private final SourceTextReader text;
        private final Transcript transcript;
        private final RowSink sink;
        private final BatchCollector out;
        private QuarantinedRow rejection;
        private Columns columns;
        private final Map<Integer, Columns> fixedColumns = new HashMap<>();
        private PendingRow pending;
        /** The line where the row being read starts. */
        private long line = 1;
        /** Where the last row read starts, and its line: a parse failure is placed from here. */
        private long lastPosition;
        private long lastLine = 1;
        private boolean anyRow;

        Parse(SourceTextReader text, RowSink sink, BatchCollector out) {
            this.text = text;
            this.transcript = new Transcript(text);
            this.sink = sink;
            this.out = out;
        }

        void run() throws IOException {
            try {
                DelimitedText rows = DelimitedText.of(transcript, layout.delimiter(), layout.quoted());
                if (layout.headerRows() > 0 && !header(rows)) {
                    return;
                }
                readRows(rows);
            } catch (IOException e) {
                unreadable(e);
            }
            if (rejection == null) {
                sink.end(out);
                if (!anyRow && !out.anyRow() && layout.headerRows() == 0) {
                    rejection = new QuarantinedRow(1, WHOLE_RECORD, "file is empty: no rows", "");
                }
            }
        }

        private boolean header(DelimitedText rows) throws IOException {
            List<List<String>> headerRows = new ArrayList<>();
            while (headerRows.size() < layout.headerRows()) {
                Row header = rows.next();
                if (header == null) {
                    reject(1, WHOLE_RECORD, headerRows.isEmpty() ? "file is empty: no header row"
                            : "the file ends inside its " + layout.headerRows() + " header rows");
                    return false;
                }
                if (headerRows.isEmpty() && header.isBlank()) {
                    readToEnd();
                    reject(1, WHOLE_RECORD, text.onlyWhitespaceSoFar() ? "file is empty: no header row"
                            : "the header row is blank");
                    return false;
                }
                headerRows.add(header.toList());
            }
            columns = Columns.of(headerRows, naming);
            try {
                sink.header(columns);
            } catch (BadFieldException e) {
                reject(1, e.field(), e.reason() + delimiterHint(headerRows.get(0)));
                return false;
            }
            return true;
        }

        private void readRows(DelimitedText rows) throws IOException {
            while (true) {
                // Known before the row is read: text the parser cannot follow is placed from here.
                line = rows.nextLine();
                Row row = rows.next();
                if (row == null) {
                    if (pending != null && !text.endsWithLineBreak()) {
                        cutOff(pending.line(), pending.reason(), transcript.from(pending.position()));
                        return;
                    }
                    settlePending(-1);
                    return;
                }
                settlePending(row.position());
                transcript.forgetBefore(row.position());
                lastPosition = row.position();
                lastLine = line;
                if (row.isBlank()) {
                    continue;
                }
                anyRow = true;
                String misfit = layout.misfit(row.size(), columns == null ? 0 : columns.width());
                if (misfit != null) {
                    pending = new PendingRow(line, WHOLE_RECORD, misfit + delimiterHint(row.toList()), row.position());
                    continue;
                }
                try {
                    sink.row(new DelimitedRow(row, columnsOf(row), format), out);
                } catch (BadFieldException e) {
                    pending = new PendingRow(line, e.field(), e.reason(), row.position());
                }
            }
        }

        private Columns columnsOf(Row row) {
            if (columns != null) {
                return columns;
            }
            int width = layout.minFields() > 0 ? layout.minFields() : row.size();
            // a file without a header has a few widths at most: each named once, not on every row
            return fixedColumns.computeIfAbsent(width, fields -> Columns.fixed(layout.fixedColumns().get(fields)));
        }

        /** Not text rejects the file; text the parser cannot follow quarantines the rest; the rest is a fault. */
        private void unreadable(IOException failure) throws IOException {
            if (failure instanceof NotTextException notText) {
                rejection = new QuarantinedRow(notText.line(), WHOLE_RECORD, notText.getMessage(), "");
            } else if (failure instanceof MalformedTextException && layout.headerRows() > 0 && columns == null) {
                reject(1, WHOLE_RECORD, "the header is not valid CSV: " + failure.getMessage());
            } else if (failure instanceof MalformedTextException) {
                settlePending(transcript.afterLines(lastPosition, line - lastLine));
                quarantineRest(failure.getMessage());
            } else {
                throw failure;
            }
        }

        /** Quarantines the rest of the file as one row: its start is kept, the rest only counted. */
        private void quarantineRest(String parserMessage) throws IOException {
            RestOfFile rest = new RestOfFile(RAW_TEXT_KEPT);
            rest.add(transcript.rawFrom(transcript.afterLines(lastPosition, line - lastLine)));
            char[] buffer = new char[8192];
            for (int count = text.read(buffer, 0, buffer.length); count >= 0;
                    count = text.read(buffer, 0, buffer.length)) {
                rest.add(buffer, count);
            }
            long lines = rest.lines();
            if (!text.endsWithLineBreak()) {
                cutOff(line, "not valid " + (layout.quoted() ? "CSV" : "delimited text") + ": " + parserMessage,
                        rest.kept());
                return;
            }
            out.quarantine(line, WHOLE_RECORD, "not valid " + (layout.quoted() ? "CSV" : "delimited text")
                    + " from here to the end of the file (" + lines + (lines == 1 ? " line" : " lines")
                    + "), e.g. a quote that is never closed in a truncated last line: " + parserMessage,
                    rest.kept());
        }

        /** Reads past the parser to the end, around the transcript: only the text's checks are wanted. */
        private void readToEnd() throws IOException {
            char[] buffer = new char[8192];
            while (text.read(buffer, 0, buffer.length) >= 0) {
                // the text reader checks what it reads
            }
        }

        /** The last row has no line end and does not fit: the file was cut off while written or sent. */
        private void cutOff(long atLine, String reason, String rawText) {
            pending = null;
            rejection = new QuarantinedRow(atLine, WHOLE_RECORD, "the file ends inside line " + atLine
                    + ", which has no line end and does not fit (" + reason + "): it looks cut off while it was"
                    + " written or sent, so nothing of it is stored; deliver it whole", rawText);
        }

        private void reject(long atLine, String field, String reason) {
            rejection = new QuarantinedRow(atLine, field, reason, firstLine());
        }

        private void settlePending(long nextPosition) {
            if (pending != null) {
                String rawText = nextPosition < 0 ? transcript.from(pending.position())
                        : transcript.between(pending.position(), nextPosition);
                out.quarantine(pending.line(), pending.field(), pending.reason(), rawText);
                pending = null;
            }
        }

        private String firstLine() {
            String start = transcript.from(0);
            int lineBreak = start.indexOf('\n');
            String first = lineBreak < 0 ? start : start.substring(0, lineBreak);
            return first.endsWith("\r") ? first.substring(0, first.length() - 1) : first;
        }

        /** A row read as one field that holds another usual delimiter was most likely split on the wrong one. */
        private String delimiterHint(List<String> fields) {
            if (fields.size() != 1) {
                return "";
            }
            for (char other : OTHER_DELIMITERS.toCharArray()) {
                if (other != layout.delimiter() && fields.get(0).indexOf(other) >= 0) {
                    return " (the row holds '" + printable(other) + "' but this source is split on '"
                            + printable(layout.delimiter()) + "': is the delimiter right?)";
                }
            }
            return "";
        }
    }

    private static String printable(char delimiter) {
        return delimiter == '\t' ? "\\t" : String.valueOf(delimiter);
    }

    /** A bad row whose text is not known yet: it ends where the next row starts. */
    private record PendingRow(long line, String field, String reason, long position) {
    }
}
