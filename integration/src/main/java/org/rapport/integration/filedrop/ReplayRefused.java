package org.rapport.integration.filedrop;

/** A replay that could not be done, and why; nothing was stored. */
public class ReplayRefused extends Exception {

    private static final long serialVersionUID = 1L;

    /** What stood in the way. */
    public enum Reason {
        /** The ledger has no such batch. */
        NO_SUCH_BATCH,
        /** The batch is not accepted (any more): replaced, duplicate or rejected. */
        NOT_ACCEPTED,
        /** No intake folder takes the batch's source now. */
        NO_SOURCE,
        /** The kept file is not where the ledger says. */
        FILE_MISSING,
        /** The kept file's content is no longer what the batch stored. */
        FILE_CHANGED
    }

    private final Reason reason;

    public ReplayRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
