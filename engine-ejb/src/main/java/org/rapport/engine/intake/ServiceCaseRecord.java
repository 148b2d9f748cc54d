package org.rapport.engine.intake;

import java.time.Instant;

import org.rapport.engine.servicecase.ServiceCaseKind;

/**
 * A service case as a CRM delivers it.
 *
 * @param caseRef the CRM's id for the case (a ticket number), or null when it gives none (the case is
 *                then known by its content, see {@link RecordKeys})
 */
public record ServiceCaseRecord(long line, String caseRef, String customerRef, Instant openedAt, Instant closedAt,
        String channel, ServiceCaseKind kind, String category, String text) implements CanonicalRecord {

    /** A case delivered without an id of its own. */
    public ServiceCaseRecord(long line, String customerRef, Instant openedAt, Instant closedAt, String channel,
            ServiceCaseKind kind, String category, String text) {
        this(line, null, customerRef, openedAt, closedAt, channel, kind, category, text);
    }
}
