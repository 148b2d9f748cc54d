package org.rapport.engine.intake;

import java.time.Instant;

import org.rapport.engine.servicecase.ServiceCaseKind;

/** A service case as a CRM delivers it. */
public record ServiceCaseRecord(long line, String customerRef, Instant openedAt, Instant closedAt, String channel,
        ServiceCaseKind kind, String category, String text) implements CanonicalRecord {
}
