package org.rapport.engine.snapshot;

/** Which way a KPI gets better. */
public enum KpiDirection {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
