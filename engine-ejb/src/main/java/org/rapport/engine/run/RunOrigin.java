package org.rapport.engine.run;

/** What started a run. */
public enum RunOrigin {
    /** The monthly schedule (first working day of the month). */
    SCHEDULE,
    /** Someone asked for it over the API. */
    ON_DEMAND,
    /** New data arrived and intake went quiet. */
    INTAKE
}
