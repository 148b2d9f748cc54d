package org.rapport.engine.outage;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many times work was tried again because of an {@link InfrastructureFault}, by the part of Rapport
 * that waited (e.g. {@code intake}, {@code run}): the figure the metrics publish, so that an operator sees
 * outages ridden out even when nothing failed. One count per process; thread-safe.
 */
public final class InfrastructureRetries {

    /** The areas that count, so the metric exists (at zero) before the first outage. */
    public static final Set<String> AREAS = Set.of("intake", "run", "schedule");

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();

    private InfrastructureRetries() {
    }

    /** Counts one retry in {@code area}. */
    public static void counted(String area) {
        COUNTS.computeIfAbsent(area, ignored -> new LongAdder()).increment();
    }

    /** The retries counted in {@code area} since the process started. */
    public static long count(String area) {
        LongAdder count = COUNTS.get(area);
        return count == null ? 0 : count.sum();
    }
}
