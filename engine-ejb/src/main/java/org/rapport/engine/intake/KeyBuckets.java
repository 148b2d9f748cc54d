package org.rapport.engine.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@value #COUNT} buckets a staged file's keys are spread over, and the parts a file is merged in: a part is a
 * range of buckets, so every row of a key is in one part, parts share no key, and parts are merged side by side
 * in any order. A bucket is a key's {@link String#hashCode()} (the same in every Java) modulo {@value #COUNT}.
 * Stateless.
 */
final class KeyBuckets {

    /** As many as a {@code bigint} has bits: the buckets merged are remembered a bit each. */
    static final int COUNT = 64;

    /** Every bucket's bit. */
    static final long ALL = -1L;

    private KeyBuckets() {
    }

    /** The bucket of {@code key}. */
    static int of(String key) {
        return Math.floorMod(key.hashCode(), COUNT);
    }

    /**
     * The parts of a file of {@code records} records, at most {@code recordsPerPart} each on average (a part is
     * never less than one bucket), leaving out the buckets {@code merged} already has.
     */
    static List<Part> parts(long records, long recordsPerPart, long merged) {
        long wanted = Math.max(1, Math.min(COUNT, (records + recordsPerPart - 1) / recordsPerPart));
        int width = (int) ((COUNT + wanted - 1) / wanted);
        List<Part> parts = new ArrayList<>();
        for (int first = 0; first < COUNT; first += width) {
            // a part's buckets not merged yet, in runs: a bucket is never merged twice, even if the file was begun
            // with parts of another width
            Integer runFrom = null;
            for (int bucket = first; bucket < Math.min(COUNT, first + width); bucket++) {
                boolean done = (merged & (1L << bucket)) != 0;
                if (!done && runFrom == null) {
                    runFrom = bucket;
                } else if (done && runFrom != null) {
                    parts.add(new Part(runFrom, bucket - 1));
                    runFrom = null;
                }
            }
            if (runFrom != null) {
                parts.add(new Part(runFrom, Math.min(COUNT, first + width) - 1));
            }
        }
        return parts;
    }

    /** Buckets {@code first} to {@code last}, both included. */
    record Part(int first, int last) {

        Part {
            if (first < 0 || last >= COUNT || first > last) {
                throw new IllegalArgumentException("No buckets " + first + " to " + last);
            }
        }

        /** This part's buckets, a bit each. */
        long mask() {
            int width = last - first + 1;
            long bits = width == COUNT ? ALL : (1L << width) - 1;
            return bits << first;
        }
    }
}
