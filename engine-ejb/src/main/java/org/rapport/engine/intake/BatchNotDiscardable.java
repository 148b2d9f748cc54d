package org.rapport.engine.intake;

import jakarta.ejb.ApplicationException;

/** A discard the ledger refuses, and why: nothing was deleted and the batch is as it was. */
@ApplicationException(rollback = true)
public class BatchNotDiscardable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What stood in the way. */
    public enum Reason {
        /** The ledger has no such batch. */
        NO_SUCH_BATCH,
        /** The batch is not half written: accepted, replaced, a duplicate, rejected or discarded already. */
        NOT_HALF_WRITTEN,
        /** An intake of this server is writing the batch now. */
        BEING_WRITTEN,
        /** The batch's file is staged whole: it is finished from its staging without being delivered again. */
        STAGED
    }

    private final Reason reason;

    public BatchNotDiscardable(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
