package org.rapport.engine.publish;

import java.time.Instant;

/** One delivery of a pack as the API shows it. */
public record DeliveryEntry(long runId, String channel, String target, String status, int attempts, String lastError,
        Instant deliveredAt) {
}
