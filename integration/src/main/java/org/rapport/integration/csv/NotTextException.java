package org.rapport.integration.csv;

import java.io.IOException;

/** The delivered bytes are not UTF-8 text: a binary file, or text in another encoding. */
public class NotTextException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;

    public NotTextException(long line, String reason) {
        super("not text: " + reason + " at line " + line);
        this.line = line;
    }

    /** The line (1-based) where the first offending byte was found. */
    public long line() {
        return line;
    }
}
