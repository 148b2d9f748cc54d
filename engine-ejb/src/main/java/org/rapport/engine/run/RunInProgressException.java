package org.rapport.engine.run;

import java.time.YearMonth;

import jakarta.ejb.ApplicationException;

/** A month can have one run in progress at a time; a second start is refused, not queued. */
@ApplicationException(rollback = true)
public class RunInProgressException extends Exception {

    private final long runningRunId;
    private final boolean waiting;

    public RunInProgressException(YearMonth month, long runningRunId) {
        this(month, runningRunId, false);
    }

    /** @param waiting true when that run waits for its month's data rather than running */
    public RunInProgressException(YearMonth month, long runningRunId, boolean waiting) {
        super(waiting
                ? "Run " + runningRunId + " for " + month + " is waiting for its data (GET /api/runs/" + runningRunId
                        + " says what is missing); it starts when the data is complete, or force it with POST /api/runs/"
                        + runningRunId + "/force"
                : "Run " + runningRunId + " for " + month + " is still in progress; start another once it has finished");
        this.runningRunId = runningRunId;
        this.waiting = waiting;
    }

    /** True when the run in the way waits for its month's data rather than running. */
    public boolean waiting() {
        return waiting;
    }

    public long runningRunId() {
        return runningRunId;
    }
}
