package org.rapport.engine.run;

import jakarta.ejb.ApplicationException;

/**
 * A run that cannot be forced now: it is not waiting for data, or a delivery is being stored at this
 * moment. An application exception, so that it reaches the caller as itself rather than wrapped.
 */
@ApplicationException(rollback = true)
public class RunNotForceableException extends Exception {

    public RunNotForceableException(String message) {
        super(message);
    }
}
