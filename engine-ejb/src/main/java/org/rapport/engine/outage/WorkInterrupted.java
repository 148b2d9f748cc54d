package org.rapport.engine.outage;

/**
 * Work stopped before it began because its thread was interrupted — the server shutting down — not because of
 * what it was given: an {@link InfrastructureFault}, so whoever asked keeps the data for later (a file stays in
 * its inbox).
 */
public class WorkInterrupted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WorkInterrupted(String message, InterruptedException cause) {
        super(message, cause);
    }
}
