package org.rapport.engine.intake;

import jakarta.ejb.ApplicationException;

/**
 * A file refused as a whole after some of its rows were written: the transaction storing it is rolled
 * back, so none of them stay (customers included, whose upserts cannot be undone row by row), and the
 * rejection is then recorded in a transaction of its own.
 */
@ApplicationException(rollback = true)
public class DeliveryRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient QuarantinedRow reason;

    public DeliveryRejected(QuarantinedRow reason) {
        super(reason.asRejection(), null, false, false);
        this.reason = reason;
    }

    /** Why, with the line and field. */
    public QuarantinedRow reason() {
        return reason;
    }
}
