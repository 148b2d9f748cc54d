package org.rapport.engine.engagement;

import java.time.Instant;

/** One recorded export as the API lists it. */
public record ActionExportLine(long runId, ActionExportDestination destination, String target, int actions,
        Instant exportedAt, boolean delivered, int attempts, String failure) {

    static ActionExportLine of(ActionExport export) {
        return new ActionExportLine(export.getRunId(), export.getDestination(), export.getTarget(),
                export.getActions(), export.getExportedAt(), export.isDelivered(), export.getAttempts(),
                export.getFailure());
    }
}
