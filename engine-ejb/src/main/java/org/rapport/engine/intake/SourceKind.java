package org.rapport.engine.intake;

/** What a source delivers; each kind maps onto one canonical record type. */
public enum SourceKind {
    CUSTOMERS, PURCHASES, SERVICE_CASES, CALLS, SURVEY_RESPONSES
}
