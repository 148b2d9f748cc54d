package org.rapport.engine.intake;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@value #COUNT} buckets a staged file's keys are spread over, and the parts a file is merged in: a part is a
 * range of buckets, so every row of a key is in one part, parts share no key, and parts are merged side by side
 * in any order. On PostgreSQL a bucket is a hash partition of the record key (V103): the staged tables, the calls
 * and the survey answers (V114) are partitioned alike, {@value #COUNT} ways by the hash of {@code record_key}, so a
 * key's staged rows and its stored record are in partitions of the same number ({@link #partition}), and a part
 * reads and writes only its own partitions, whose indexes are a {@value #COUNT}th of the table's. PostgreSQL, not
 * this class, hashes the keys.
 * Stateless.
 */
final class KeyBuckets {

    /** Partitions a staged or partitioned table has (V103); the buckets merged are remembered a bit each. */
    static final int COUNT = 16;

    /** Every bucket's bit. */
    static final long ALL = (1L << COUNT) - 1;

    private KeyBuckets() {
    }

    /** The partition of {@code table} that holds bucket {@code bucket}'s rows: {@code call_record_p07}. */
    static String partition(String table, int bucket) {
        if (bucket < 0 || bucket >= COUNT) {
            throw new IllegalArgumentException("No bucket " + bucket);
        }
        return table + "_p" + (bucket < 10 ? "0" : "") + bucket;
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
            return ((1L << (last - first + 1)) - 1) << first;
        }
    }
}
