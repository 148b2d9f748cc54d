package org.rapport.integration.mapping;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * The line where each reference (a call's or a response's id) first came in one file, so that a
 * reference given twice anywhere in the file is caught. It is the one thing a streamed file leaves
 * behind row by row, so it holds no reference itself: a 64-bit fingerprint of it and the line, in
 * a primitive map, about 12 bytes a slot instead of some 120 for a map of strings. Two
 * different references share a fingerprint with odds of about n²/2⁶⁵ (one in 37 million for a file
 * of a million); the later row would then be quarantined, visibly and naming the other line, never
 * dropped. Not thread-safe.
 */
public final class ReferenceLines {

    private final LongIntHashMap lines = new LongIntHashMap();

    /**
     * Notes that {@code reference} came at {@code line}, unless it came before.
     *
     * @return the line it first came at, or -1 when this is the first time
     */
    public long putIfAbsent(String reference, long line) {
        long fingerprint = fingerprint(reference);
        int slot = lines.indexOf(fingerprint);
        if (lines.indexExists(slot)) {
            return lines.indexGet(slot);
        }
        lines.indexInsert(slot, fingerprint, (int) Math.min(line, Integer.MAX_VALUE));
        return -1;
    }

    /** The line a reference first came at, or -1. */
    public long lineOf(String reference) {
        return lines.getOrDefault(fingerprint(reference), -1);
    }

    /** How many references were noted. */
    public int size() {
        return lines.size();
    }

    /** FNV-1a over the characters, then a 64-bit finaliser (SplitMix64) to spread the bits. */
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
        return hash;
    }
}
