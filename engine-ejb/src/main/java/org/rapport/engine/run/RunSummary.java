package org.rapport.engine.run;

import java.time.Instant;

/** A run as the API lists it. */
public record RunSummary(long id, String month, String status, String ruleSetVersion, Instant startedAt,
        Instant finishedAt, String failure, boolean hasPack) {
}
