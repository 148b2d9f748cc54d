package org.rapport.engine.run;

import java.time.YearMonth;

import jakarta.ejb.ApplicationException;

/** A month can have one run in progress at a time; a second start is refused, not queued. */
@ApplicationException(rollback = true)
public class RunInProgressException extends Exception {

    private final long runningRunId;

    public RunInProgressException(YearMonth month, long runningRunId) {
        super("Run " + runningRunId + " for " + month + " is still in progress; start another once it has finished");
        this.runningRunId = runningRunId;
    }

    public long runningRunId() {
        return runningRunId;
    }
}
