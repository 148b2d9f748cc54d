package org.rapport.rules.facts;

/** The engagement triangle: every improvement trigger is about one of these. */
public enum Pillar {
    STAFF, PROCESS, TECHNOLOGY
}
