package org.rapport.engine.engagement;

import java.util.List;

import jakarta.ejb.Local;

/**
 * The engine's side of exporting customer actions to the CRM, for the integration layer's routes. Each
 * call is a transaction of its own.
 */
@Local
public interface CustomerActionExports {

    /** Published runs whose action list has not been exported to {@code destination} yet, oldest first. */
    List<Long> runsAwaitingExport(ActionExportDestination destination);

    /** Run {@code runId}'s action list: the CRM's customer id and the action, nothing else. */
    ActionList actionList(long runId);

    /** Records how an export ended. */
    void recordExport(long runId, ActionExportDestination destination, String target, int actions, boolean delivered,
            int attempts, String failure);

    /** Every export of run {@code runId}, in the order they happened. */
    List<ActionExportLine> exports(long runId);
}
