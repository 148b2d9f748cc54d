package org.rapport.integration.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Keeps the text a CSV parser has read, so a quarantined row can be stored exactly as delivered:
 * the parser gives each record's character position, this gives the characters. Text before the
 * oldest position still wanted is dropped now and then, so memory stays bounded by a row plus the
 * parser's read-ahead. Not thread-safe.
 */
class Transcript extends FilterReader {

    /** Dropping old text costs a copy, so it waits until this much has piled up. */
    private static final int DROP_THRESHOLD = 64 * 1024;

    /**
     * The text kept, in {@code text[0, kept)}: an array, not a StringBuilder, which would test every character for
     * whether it fits a byte as it is appended (4 % of reading a PBX's CDRs).
     */
    private char[] text = new char[2 * DROP_THRESHOLD];
    private int kept;
    /** The character position of {@code text}'s first character. */
    private long start;

    Transcript(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int count = super.read(buffer, offset, length);
        if (count > 0) {
            if (kept + count > text.length) {
                text = Arrays.copyOf(text, Math.max(2 * text.length, kept + count));
            }
            System.arraycopy(buffer, offset, text, kept, count);
            kept += count;
        }
        return count;
    }

    /** The text from position {@code from} up to {@code to} (exclusive), without a final line break. */
    String between(long from, long to) {
        String slice = slice((int) (from - start), (int) (Math.min(to, end()) - start));
        if (slice.endsWith("\r\n")) {
            return slice.substring(0, slice.length() - 2);
        }
        return slice.endsWith("\n") || slice.endsWith("\r") ? slice.substring(0, slice.length() - 1) : slice;
    }

    /** The text from position {@code from} to the end of what was read, without a final line break. */
    String from(long from) {
        return between(from, end());
    }

    /** The text from position {@code from} to the end of what was read, as read (line breaks and all). */
    String rawFrom(long from) {
        return slice((int) (from - start), kept);
    }

    /** Nothing before {@code position} will be asked for again. */
    void forgetBefore(long position) {
        if (position - start > DROP_THRESHOLD) {
            int dropped = (int) (position - start);
            System.arraycopy(text, dropped, text, 0, kept - dropped);
            kept -= dropped;
            start = position;
        }
    }

    /** The position {@code lines} line breaks after {@code from}, or the end of what was read. */
    long afterLines(long from, long lines) {
        int index = (int) (from - start);
        for (long left = lines; left > 0 && index < kept; index++) {
            if (text[index] == '\n') {
                left--;
            }
        }
        return start + index;
    }

    private long end() {
        return start + kept;
    }

    private String slice(int from, int to) {
        return new String(text, from, to - from);
    }
}
