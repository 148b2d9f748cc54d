package org.rapport.engine.run;

/** Where a monthly run is. Only a PUBLISHED run has a board pack. */
public enum RunStatus {
    /** Its month's data is not complete yet (or a delivery is being stored): it starts when it is, or when forced. */
    WAITING_FOR_DATA,
    RUNNING,
    PUBLISHED,
    /** A re-run whose figures and triggers came out the same as the published pack's: nothing new was published. */
    UNCHANGED,
    FAILED
}
