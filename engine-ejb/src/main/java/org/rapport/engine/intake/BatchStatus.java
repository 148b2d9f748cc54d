package org.rapport.engine.intake;

/** What became of a delivered file. */
public enum BatchStatus {
    /** Stored: its good rows count, its bad rows are quarantined. */
    ACCEPTED,
    /** The same content was delivered before; nothing was counted again. */
    DUPLICATE,
    /** The file as a whole could not be read (empty, wrong header, not text); nothing was stored from it. */
    REJECTED,
    /**
     * Was accepted, then a corrected delivery of the same file (or a replay of it) took its place: its
     * rows are gone, the batch that replaced it is named in the ledger.
     */
    REPLACED,
    /**
     * A large file being made its batch a part at a time: some of its records are already written, the rest are
     * staged. Counts for nothing (no run, readiness or replacement takes it for delivered) until its last part
     * makes it {@link #ACCEPTED}; a process stopped meanwhile leaves it so, and the file's next delivery finishes it.
     */
    BEING_STORED,
    /**
     * Was left half written ({@link #BEING_STORED}) and an operator gave it up, its file not to come again: the
     * records it held and its quarantined rows are gone, it counts for nothing, and its file delivered again later is
     * stored as a new batch.
     */
    DISCARDED
}
