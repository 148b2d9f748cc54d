package org.rapport.engine.readiness;

/** What the integration team said about a source for one month. */
public enum MarkKind {
    /** Everything of the month has been delivered: the month is complete for the source, whatever its rule. */
    CLOSED,
    /** The month does not need this source (an outage, a source not yet live): it is not waited for. */
    NOT_NEEDED
}
