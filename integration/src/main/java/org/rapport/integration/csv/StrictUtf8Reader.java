package org.rapport.integration.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes delivered bytes as UTF-8 and refuses anything that is not text: undecodable bytes and NUL
 * characters end the read with a {@link NotTextException} naming the line they are on. A leading
 * byte-order mark is dropped, as spreadsheet programs write one. Not thread-safe.
 *
 * <p>It decodes with its own {@link CharsetDecoder} rather than an {@code InputStreamReader}, which
 * throws on bad bytes before handing over the text decoded ahead of them, losing the line.
 */
public class StrictUtf8Reader extends Reader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final int BUFFER_SIZE = 8192;

    private final InputStream bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer undecoded = ByteBuffer.allocate(BUFFER_SIZE).flip();
    private final CharBuffer decoded = CharBuffer.allocate(BUFFER_SIZE).flip();
    private boolean endOfBytes;
    private boolean finished;
    private boolean malformed;
    private boolean atStart = true;
    private boolean onlyWhitespace = true;
    private long line = 1;

    public StrictUtf8Reader(InputStream bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!decoded.hasRemaining() && !decodeMore()) {
            return -1;
        }
        if (atStart) {
            atStart = false;
            if (decoded.get(decoded.position()) == BYTE_ORDER_MARK) {
                decoded.get();
                return read(buffer, offset, length);
            }
        }
        int count = Math.min(length, decoded.remaining());
        decoded.get(buffer, offset, count);
        inspect(buffer, offset, count);
        return count;
    }

    /** Reads and checks whatever is left, so a file is judged as a whole even when its parsing stopped early. */
    public void readToEnd() throws IOException {
        char[] buffer = new char[BUFFER_SIZE];
        while (read(buffer, 0, buffer.length) >= 0) {
            // the read itself checks the text
        }
    }

    /** Whether everything read so far was whitespace (a byte-order mark not counted). */
    public boolean onlyWhitespaceSoFar() {
        return onlyWhitespace;
    }

    /** Does not close the delivered stream: its owner does. */
    @Override
    public void close() {
        finished = true;
    }

    /**
     * Decodes the next characters; false at the end. Characters decoded before undecodable bytes are
     * handed out first, so the exception names the right line.
     */
    private boolean decodeMore() throws IOException {
        if (malformed) {
            throw new NotTextException(line, "bytes that are not UTF-8");
        }
        if (finished) {
            return false;
        }
        decoded.clear();
        try {
            while (decoded.position() == 0 && !finished && !malformed) {
                CoderResult result = decoder.decode(undecoded, decoded, endOfBytes);
                if (result.isError()) {
                    malformed = true;
                } else if (result.isUnderflow() && endOfBytes) {
                    decoder.flush(decoded);
                    finished = true;
                } else if (result.isUnderflow()) {
                    readMoreBytes();
                }
            }
        } finally {
            decoded.flip();
        }
        if (!decoded.hasRemaining() && malformed) {
            throw new NotTextException(line, "bytes that are not UTF-8");
        }
        return decoded.hasRemaining();
    }

    private void readMoreBytes() throws IOException {
        undecoded.compact();
        int free = undecoded.remaining();
        int count = bytes.read(undecoded.array(), undecoded.arrayOffset() + undecoded.position(), free);
        if (count < 0) {
            endOfBytes = true;
        } else {
            undecoded.position(undecoded.position() + count);
        }
        undecoded.flip();
    }

    private void inspect(char[] buffer, int offset, int count) throws NotTextException {
        for (int index = offset; index < offset + count; index++) {
            char character = buffer[index];
            if (character == '\0') {
                throw new NotTextException(line, "a NUL character (binary data)");
            }
            if (character == '\n') {
                line++;
            } else if (onlyWhitespace && !Character.isWhitespace(character)) {
                onlyWhitespace = false;
            }
        }
    }
}
