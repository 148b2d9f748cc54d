package org.rapport.rules.facts;

/** Where a customer's words came from. */
public enum RequestSource {
    SURVEY_COMMENT, SERVICE_CASE
}
