package org.rapport.rules.facts;

/** Red, amber, green status of a KPI against its target; {@link #NONE} until a rule grades it. */
public enum Rag {
    GREEN, AMBER, RED, NONE
}
