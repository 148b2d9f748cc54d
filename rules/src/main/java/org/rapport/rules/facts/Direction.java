package org.rapport.rules.facts;

/** Which way is better for a KPI, so that one rule can grade every KPI against its target. */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
