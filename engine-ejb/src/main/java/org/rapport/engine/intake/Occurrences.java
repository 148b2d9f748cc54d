package org.rapport.engine.intake;

/**
 * How often each content fingerprint has come so far in one file, for records a source gives no id:
 * the n-th identical row of a file is the n-th such record (two equal top-ups on one day stay two),
 * and the same rows in an overlapping file are the same records again. Open-addressed arrays, about
 * 12 bytes a distinct fingerprint, so a file of millions of rows stays in tens of megabytes. Not
 * thread-safe: one per file.
 */
final class Occurrences {

    private static final int FIRST_CAPACITY = 1 << 10;
    private static final long EMPTY = 0;

    private long[] fingerprints = new long[FIRST_CAPACITY];
    private int[] counts = new int[FIRST_CAPACITY];
    private int size;

    /** Counts one more occurrence of {@code fingerprint}; returns which it is, from 1. */
    int next(long fingerprint) {
        long slotKey = fingerprint == EMPTY ? 1 : fingerprint;
        int slot = find(fingerprints, slotKey);
        if (fingerprints[slot] == slotKey) {
            return ++counts[slot];
        }
        fingerprints[slot] = slotKey;
        counts[slot] = 1;
        if (++size > fingerprints.length / 4 * 3) {
            grow();
        }
        return 1;
    }

    private static int find(long[] table, long fingerprint) {
        int mask = table.length - 1;
        int slot = (int) fingerprint & mask;
        while (table[slot] != EMPTY && table[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldFingerprints = fingerprints;
        int[] oldCounts = counts;
        fingerprints = new long[oldFingerprints.length * 2];
        counts = new int[oldCounts.length * 2];
        for (int old = 0; old < oldFingerprints.length; old++) {
            if (oldFingerprints[old] != EMPTY) {
                int slot = find(fingerprints, oldFingerprints[old]);
                fingerprints[slot] = oldFingerprints[old];
                counts[slot] = oldCounts[old];
            }
        }
    }
}
