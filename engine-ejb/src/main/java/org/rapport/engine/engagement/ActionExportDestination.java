package org.rapport.engine.engagement;

/** Where a run's action list goes to the CRM. */
public enum ActionExportDestination {
    /** A CSV file in the CRM's outbox folder. */
    FILE,
    /** A JSON POST to the CRM's REST endpoint. */
    REST
}
