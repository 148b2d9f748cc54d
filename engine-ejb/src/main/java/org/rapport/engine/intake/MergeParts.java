package org.rapport.engine.intake;

/**
 * How a staged file is cut for merging: parts of about {@code records} records (ranges of key buckets, see
 * {@link KeyBuckets}), each in a transaction of its own, {@code sideBySide} of them at once, and what is told of
 * each part merged (a test plays a process that stops between two parts).
 *
 * @param records    records a part, about
 * @param sideBySide parts merged at once, each on a connection and thread of its own
 * @param afterEach  told once each part has committed
 */
record MergeParts(long records, int sideBySide, PartHook afterEach) {

    /**
     * About 1,000,000 records a part, two at once. Measured on PostgreSQL (month benchmark, 2 cores): an
     * 8,000,000-call file merged in one transaction ran into the 300 s transaction timeout and never finished; merged
     * a part after another, in the file's order, it took 413 s (parts of 250,000) or 418 s (500,000), with one core
     * idle: the database's one backend did all the work. Parts of keys share no key, so two are merged side by side.
     * Since the staging and the calls are partitioned by key (V103), a part reads and writes only its buckets'
     * partitions, and the same file is merged in 8 parts in about a third of the time (1,000,000-customer month
     * stored in 286 s, not 484 s).
     */
    static final MergeParts DEFAULT = new MergeParts(1_000_000, 2, PartHook.NONE);

    /**
     * The fewest records a part holds when a file is cut only so that its parts are merged side by side: a smaller
     * file is merged in one part. Measured (1,000,000 customers on embedded PostgreSQL, {@code SurveyStoreThroughput}):
     * the month's Qualtrics export, 90,344 answers, was made its batch in 1.4–1.5 s in one part, 1.1–1.2 s in two; a
     * part's fixed cost (its transaction, the customers it looks its rows up in) is a few hundredths of a second.
     */
    static final long LEAST_SHARED = 25_000;

    MergeParts {
        if (records < 1) {
            throw new IllegalArgumentException("A part holds at least one record, not " + records);
        }
        if (sideBySide < 1) {
            throw new IllegalArgumentException("At least one part is merged at a time, not " + sideBySide);
        }
    }

    /**
     * Records a part of a file of {@code fileRecords} records: {@link #records()}, or fewer, so that a file of at
     * least {@link #sideBySide()} × {@value #LEAST_SHARED} records is cut in at least {@link #sideBySide()} parts.
     * In one part it would be merged by one connection, the other side idle: the benchmark month's bank file (800,000
     * calls) was made its batch in 12.5 s in one part, 7.8 s in two (bench/README).
     */
    long recordsPerPart(long fileRecords) {
        long shared = (fileRecords + sideBySide - 1) / sideBySide;
        return shared >= LEAST_SHARED ? Math.min(records, shared) : records;
    }

    /** Told of each part merged. */
    @FunctionalInterface
    interface PartHook {

        PartHook NONE = parts -> { };

        /** @param parts how many parts this intake has merged of the file so far */
        void merged(int parts);
    }
}
