package org.rapport.engine.run;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many customers a working run has scored so far. Kept in memory rather than in the run's row:
 * the scoring step is one transaction, and its own writes are invisible to readers until it ends.
 * Thread-safe.
 */
@ApplicationScoped
public class RunProgress {

    private final Map<Long, Long> scored = new ConcurrentHashMap<>();

    public void scored(long runId, long customers) {
        scored.put(runId, customers);
    }

    public long customersScored(long runId) {
        return scored.getOrDefault(runId, 0L);
    }
}
