package org.rapport.engine.readiness;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One accepted delivery of a source, as far as completeness cares: when it arrived and the newest day
 * its records state (null when they state none).
 */
public record Delivered(Instant receivedAt, LocalDate newestRecord) {
}
