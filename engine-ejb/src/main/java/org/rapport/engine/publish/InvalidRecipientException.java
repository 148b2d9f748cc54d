package org.rapport.engine.publish;

import jakarta.ejb.ApplicationException;

/**
 * An address for the distribution list that is not an e-mail address: the caller's mistake, answered
 * as such (400), so the container neither wraps it nor logs its stack as a server failure.
 */
@ApplicationException(rollback = true)
public class InvalidRecipientException extends IllegalArgumentException {

    public InvalidRecipientException(String message, Throwable cause) {
        super(message, cause);
    }
}
