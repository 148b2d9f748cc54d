package org.rapport.integration.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Delimited text split into rows by Jackson's CSV parser, each row with the character position and line where it
 * starts, so a refused row can be quoted exactly as delivered. Blank lines are rows of one empty field; a quoted
 * field may span lines, and lines, not rows, are counted; blanks between a closing quote and the delimiter are passed
 * over. Text the parser cannot follow (a quote never closed, other text after a closing quote, a field longer than
 * Jackson's bound of 20,000,000 characters) ends the reading with a {@link MalformedTextException}: a quote never
 * closed near the start of a large file is given up on at that bound, not held to the file's end. The reader is
 * never closed here: the caller reads its stream to the end after the rows. Not thread-safe.
 */
final class DelimitedText {

    private static final CsvFactory PARSERS = CsvFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final CsvParser parser;
    private final List<String> fields = new ArrayList<>();
    /** Where the row after the last one read starts: known once the last one's line end is read. */
    private long nextLine = 1;
    private long nextPosition;

    private DelimitedText(CsvParser parser) {
        this.parser = parser;
    }

    /** @param quoted whether {@code "} quotes a field (RFC 4180), or is a character like any other */
    static DelimitedText of(Reader text, char delimiter, boolean quoted) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter);
        CsvParser parser = (CsvParser) PARSERS.createParser(text);
        parser.setSchema(quoted ? schema.withQuoteChar('"') : schema.withoutQuoteChar());
        return new DelimitedText(parser);
    }

    /** RFC 4180: comma-separated, {@code "} quoting. */
    static DelimitedText rfc4180(Reader text) throws IOException {
        return of(text, ',', true);
    }

    /**
     * The next row, or null at the end of the text.
     *
     * @throws MalformedTextException where the text stops being delimited text; {@link #nextLine()} is then the
     *                                line where the row it happened in starts
     */
    Row next() throws IOException {
        try {
            JsonToken start = parser.nextToken();
            if (start == null) {
                return null;
            }
            long line = nextLine;
            long position = nextPosition;
            fields.clear();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                fields.add(parser.getText());
            }
            // The line end has been read: the parser stands at the next row's first character, counted from zero
            // less one (Jackson's current location is that of the last character read).
            JsonLocation after = parser.currentLocation();
            nextLine = after.getLineNr();
            nextPosition = after.getCharOffset() + 1;
            return new Row(fields.toArray(String[]::new), position, line);
        } catch (JsonProcessingException e) {
            throw new MalformedTextException(e.getOriginalMessage());
        }
    }

    /** The line where the row after the last one read starts (a quoted field may span lines). */
    long nextLine() {
        return nextLine;
    }

    /**
     * One row as split.
     *
     * @param position the character position where it starts, counted from zero
     * @param line     the line where it starts, counted from one
     */
    record Row(String[] fields, long position, long line) {

        int size() {
            return fields.length;
        }

        String get(int index) {
            return fields[index];
        }

        List<String> toList() {
            return List.of(fields);
        }

        boolean isBlank() {
            for (String field : fields) {
                if (!field.isBlank()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Text the parser cannot split any further, e.g. a quote that is never closed. */
    static final class MalformedTextException extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedTextException(String message) {
            super(message);
        }
    }
}
