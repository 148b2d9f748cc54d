package org.rapport.engine.audit;

/**
 * Changes made through the API that have no trail of their own (rule sets, action points and the
 * distribution list keep theirs) and so are recorded in the {@link AuditTrail}.
 */
public enum AuditAction {
    /** A run started on demand; the subject is the month, the detail the run. */
    RUN_STARTED,
    /** A stored batch read again with its source's current mapping; the subject is the batch. */
    BATCH_REPLAYED,
    /** A batch left half written given up, its file not to come again; the subject is the batch. */
    BATCH_DISCARDED,
    /** A source definition added or changed; the subject is the source. */
    SOURCE_SAVED,
    /** A source definition removed; the subject is the source. */
    SOURCE_REMOVED,
    /** A built-in user's roles changed; the subject is the user, the detail the new roles. */
    USER_ROLES_CHANGED,
    /** A waiting run forced to start without complete data; the subject is the month, the detail the run. */
    RUN_FORCED,
    /** A source marked closed or not needed for a month, or the mark withdrawn; the subject is month and source. */
    MONTH_MARKED
}
