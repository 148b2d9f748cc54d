package org.rapport.engine.action;

import jakarta.ejb.ApplicationException;

/**
 * A status change the lifecycle does not allow: a move {@link ActionStatus} forbids, dropping without
 * a reason, or an action of a run that is not (or no longer) the month's published one.
 */
@ApplicationException(rollback = true)
public class ActionStatusRefusedException extends Exception {

    public ActionStatusRefusedException(String reason) {
        super(reason);
    }
}
