package org.rapport.integration.source;

import java.time.Duration;

/**
 * When a source is fetched: every {@code interval} (ISO-8601, {@code PT15M}) or on a Quartz cron
 * expression ({@code 0 0 2 * * ?}). Exactly one of the two is set.
 */
public record Schedule(Duration interval, String cron) {
}
