package org.rapport.engine.run;

/** Where a monthly run is. Only a PUBLISHED run has a board pack. */
public enum RunStatus {
    RUNNING, PUBLISHED, FAILED
}
