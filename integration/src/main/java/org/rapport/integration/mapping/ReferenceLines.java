package org.rapport.integration.mapping;

/**
 * The line where each reference (a call's or a response's id) first came in one file, so that a
 * reference given twice anywhere in the file is caught. It is the one thing a streamed file leaves
 * behind row by row, so it holds no reference itself: a 64-bit fingerprint of it and the line, in
 * open-addressed arrays, about 12 bytes a slot instead of some 120 for a map of strings. Two
 * different references share a fingerprint with odds of about n²/2⁶⁵ (one in 37 million for a file
 * of a million); the later row would then be quarantined, visibly and naming the other line, never
 * dropped. Not thread-safe.
 */
public final class ReferenceLines {

    private static final int FIRST_CAPACITY = 1 << 10;
    private static final long EMPTY = 0;

    private long[] fingerprints = new long[FIRST_CAPACITY];
    private int[] lines = new int[FIRST_CAPACITY];
    private int size;

    /**
     * Notes that {@code reference} came at {@code line}, unless it came before.
     *
     * @return the line it first came at, or -1 when this is the first time
     */
    public long putIfAbsent(String reference, long line) {
        long fingerprint = fingerprint(reference);
        int slot = find(fingerprints, fingerprint);
        if (fingerprints[slot] == fingerprint) {
            return lines[slot];
        }
        fingerprints[slot] = fingerprint;
        lines[slot] = (int) Math.min(line, Integer.MAX_VALUE);
        if (++size > fingerprints.length / 4 * 3) {
            grow();
        }
        return -1;
    }

    /** The line a reference first came at, or -1. */
    public long lineOf(String reference) {
        long fingerprint = fingerprint(reference);
        int slot = find(fingerprints, fingerprint);
        return fingerprints[slot] == fingerprint ? lines[slot] : -1;
    }

    /** How many references were noted. */
    public int size() {
        return size;
    }

    /** The slot holding {@code fingerprint}, or the empty slot where it belongs. */
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
        int[] oldLines = lines;
        fingerprints = new long[oldFingerprints.length * 2];
        lines = new int[oldLines.length * 2];
        for (int old = 0; old < oldFingerprints.length; old++) {
            if (oldFingerprints[old] != EMPTY) {
                int slot = find(fingerprints, oldFingerprints[old]);
                fingerprints[slot] = oldFingerprints[old];
                lines[slot] = oldLines[old];
            }
        }
    }

    /** FNV-1a over the characters, then a 64-bit finaliser (SplitMix64) to spread the bits; never 0. */
    private static long fingerprint(String reference) {
        long hash = 0xcbf29ce484222325L;
        for (int index = 0; index < reference.length(); index++) {
            hash ^= reference.charAt(index);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 30;
        hash *= 0xbf58476d1ce4e5b9L;
        hash ^= hash >>> 27;
        hash *= 0x94d049bb133111ebL;
        hash ^= hash >>> 31;
        return hash == EMPTY ? 1 : hash;
    }
}
