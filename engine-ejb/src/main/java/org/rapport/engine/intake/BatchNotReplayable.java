package org.rapport.engine.intake;

import jakarta.ejb.ApplicationException;

/** A replay the ledger refuses: no such batch, not accepted (any more), or not the same file. Nothing was stored. */
@ApplicationException(rollback = true)
public class BatchNotReplayable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BatchNotReplayable(String reason) {
        super(reason);
    }
}
