package org.rapport.integration.csv;

/**
 * The rest of a file that can be parsed no further, quarantined as one row: its first characters are
 * kept as its raw text, the rest is only counted in lines, so a file broken near its start costs no
 * more memory than one broken at its end. Not thread-safe.
 */
final class RestOfFile {

    private final int keep;
    private final StringBuilder kept = new StringBuilder();
    private long lineBreaks;
    private long length;
    private char last;

    RestOfFile(int keep) {
        this.keep = keep;
    }

    void add(CharSequence text) {
        for (int index = 0; index < text.length(); index++) {
            add(text.charAt(index));
        }
    }

    void add(char[] buffer, int count) {
        for (int index = 0; index < count; index++) {
            add(buffer[index]);
        }
    }

    /** Lines, a last one without a line break included; CR LF, LF and a lone CR each end a line. */
    long lines() {
        boolean endsWithBreak = last == '\n' || last == '\r';
        return lineBreaks + (length > 0 && !endsWithBreak ? 1 : 0);
    }

    /** The start of the text, without the line break that ends it. */
    String kept() {
        String text = kept.toString();
        if (length <= keep) {
            if (text.endsWith("\r\n")) {
                return text.substring(0, text.length() - 2);
            }
            return text.endsWith("\n") || text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        return text;
    }

    private void add(char character) {
        if (character == '\n' && last != '\r' || character == '\r') {
            lineBreaks++;
        }
        if (kept.length() < keep) {
            kept.append(character);
        }
        last = character;
        length++;
    }
}
