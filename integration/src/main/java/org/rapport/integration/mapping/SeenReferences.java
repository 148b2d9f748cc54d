package org.rapport.integration.mapping;

import org.rapport.integration.csv.BadFieldException;

/**
 * The call or response references one file has given so far, so that a reference given twice is
 * quarantined rather than counted twice. Holds a fingerprint and a line per reference
 * ({@link ReferenceLines}): the price of catching duplicates anywhere in a file. Not thread-safe.
 */
public final class SeenReferences {

    private final String what;
    private final ReferenceLines firstLine = new ReferenceLines();

    /** @param what what the references identify, for messages: "call", "response" */
    public SeenReferences(String what) {
        this.what = what;
    }

    /**
     * Notes a reference.
     *
     * @throws BadFieldException when the file gave it before
     */
    public void note(String field, String reference, long line) throws BadFieldException {
        long earlier = firstLine.putIfAbsent(reference, line);
        if (earlier >= 0) {
            throw new BadFieldException(field, "'" + reference + "' was already given at line " + earlier + ": a "
                    + what + " is counted once");
        }
    }

    /** The line that first gave a reference, or -1. */
    public long lineOf(String reference) {
        return firstLine.lineOf(reference);
    }
}
