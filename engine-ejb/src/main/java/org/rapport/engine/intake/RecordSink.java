package org.rapport.engine.intake;

/**
 * Where the rows of one delivered file go while it is read: each good row as a canonical record,
 * each bad row quarantined. The intake's own sink writes them to the store as they come, so a file
 * is never held whole. Not thread-safe: one per delivery, called from the thread reading it.
 */
public interface RecordSink {

    /** A row that mapped onto the canonical model. */
    void record(CanonicalRecord record);

    /** A row that did not, with where and why. */
    void quarantine(QuarantinedRow row);
}
