package org.rapport.integration.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Keeps the text a CSV parser has read, so a quarantined row can be stored exactly as delivered:
 * the parser gives each record's character position, this gives the characters. Text before the
 * oldest position still wanted is dropped now and then, so memory stays bounded by a row plus the
 * parser's read-ahead. Not thread-safe.
 */
class Transcript extends FilterReader {

    /** Dropping old text costs a copy, so it waits until this much has piled up. */
    private static final int DROP_THRESHOLD = 64 * 1024;

    private final StringBuilder text = new StringBuilder();
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
            text.append(buffer, offset, count);
        }
        return count;
    }

    /** The text from position {@code from} up to {@code to} (exclusive), without a final line break. */
    String between(long from, long to) {
        String slice = text.substring((int) (from - start), (int) (Math.min(to, end()) - start));
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
        return text.substring((int) (from - start));
    }

    /** Nothing before {@code position} will be asked for again. */
    void forgetBefore(long position) {
        if (position - start > DROP_THRESHOLD) {
            text.delete(0, (int) (position - start));
            start = position;
        }
    }

    /** The position {@code lines} line breaks after {@code from}, or the end of what was read. */
    long afterLines(long from, long lines) {
        int index = (int) (from - start);
        for (long left = lines; left > 0 && index < text.length(); index++) {
            if (text.charAt(index) == '\n') {
                left--;
            }
        }
        return start + index;
    }

    private long end() {
        return start + text.length();
    }
}
