package org.rapport.rules.facts;

/** How urgently the board should act on a trigger. */
public enum Severity {
    LOW, MEDIUM, HIGH
}
