package org.rapport.engine.ruleset;

import jakarta.ejb.ApplicationException;

/**
 * A draft asked for that cannot be made: a file no rule set holds, a version or file that is not there. The
 * caller's mistake, passed to it as it is (not wrapped as a server failure), and nothing is stored.
 */
@ApplicationException(rollback = true)
public class InvalidDraftException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDraftException(String message) {
        super(message);
    }
}
