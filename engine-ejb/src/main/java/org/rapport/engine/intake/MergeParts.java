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
     * 250,000 records a part. Measured on PostgreSQL with 2,400,000 calls, merging took 76 s in one transaction; an
     * 8,000,000-call file ran into the 300 s transaction timeout and never finished. A part of this size is merged
     * in seconds, and the file's grouping and joins stay within the memory a merge is given
     * ({@link StagedMerge#WORK_MEMORY}).
     */
    static final MergeParts DEFAULT = new MergeParts(250_000, PartHook.NONE);

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
