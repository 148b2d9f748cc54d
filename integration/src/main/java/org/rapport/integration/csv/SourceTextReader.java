package org.rapport.integration.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes a source's bytes in the character set its definition names, never failing on a byte that
 * does not decode: it becomes U+FFFD and is counted, so one bad byte costs at most the field it is
 * in (see {@link FieldRow}), not the file. What is plainly not text — a NUL or another control
 * character than tab, line feed, form feed or carriage return — ends the read with a
 * {@link NotTextException}: a zip or a spreadsheet delivered by mistake must be refused, not read as
 * garbage. A leading byte-order mark is dropped. Not thread-safe.
 */
public class SourceTextReader extends FilterReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final char REPLACEMENT = '\uFFFD';

    private boolean atStart = true;
    private long line = 1;
    private long replaced;
    private boolean onlyWhitespace = true;
    private char lastCharacter;

    public SourceTextReader(InputStream bytes, Charset charset) {
        super(new InputStreamReader(bytes, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0 && atStart) {
            atStart = false;
            if (buffer[offset] == BYTE_ORDER_MARK) {
                System.arraycopy(buffer, offset + 1, buffer, offset, count - 1);
                count--;
                if (count == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        inspect(buffer, offset, count);
        if (count > 0) {
            lastCharacter = buffer[offset + count - 1];
        }
        return count;
    }

    /** How many characters could not be decoded and were replaced. */
    public long replaced() {
        return replaced;
    }

    /** Whether everything read so far was whitespace. */
    public boolean onlyWhitespaceSoFar() {
        return onlyWhitespace;
    }

    /** Whether what was read so far ends with a line end: a file cut off mid-row does not. */
    public boolean endsWithLineBreak() {
        return lastCharacter == '\n' || lastCharacter == '\r';
    }

    /** Does not close the delivered stream: its owner does. */
    @Override
    public void close() {
        // the caller owns the stream
    }

    private void inspect(char[] buffer, int offset, int count) throws NotTextException {
        int end = offset + count;
        for (int index = offset; index < end; index++) {
            char character = buffer[index];
            if (character >= ' ') {
                // printable text, nearly every character: one test more only to count what could not be decoded
                if (character == REPLACEMENT) {
                    replaced++;
                }
                continue;
            }
            if (character == '\n') {
                line++;
            } else if (character != '\t' && character != '\r' && character != '\f') {
                throw new NotTextException(line, character == 0 ? "a NUL character (binary data)"
                        : String.format("the control character U+%04X (binary data)", (int) character));
            }
        }
        if (onlyWhitespace) {
            for (int index = offset; index < end && onlyWhitespace; index++) {
                onlyWhitespace = Character.isWhitespace(buffer[index]);
            }
        }
    }
}
