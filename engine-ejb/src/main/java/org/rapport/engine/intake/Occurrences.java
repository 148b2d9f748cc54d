package org.rapport.engine.intake;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * How often each content fingerprint has come so far in one file, for records a source gives no id:
 * the n-th identical row of a file is the n-th such record (two equal top-ups on one day stay two),
 * and the same rows in an overlapping file are the same records again. A primitive map (about 12 bytes
 * a distinct fingerprint), so a file of millions of rows stays in tens of megabytes. Not thread-safe:
 * one per file.
 */
final class Occurrences {

    private final LongIntHashMap counts = new LongIntHashMap();

    /** Counts one more occurrence of {@code fingerprint}; returns which it is, from 1. */
    int next(long fingerprint) {
        return counts.addTo(fingerprint, 1);
    }
}
