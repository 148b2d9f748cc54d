package org.rapport.integration.crmexport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.rapport.engine.engagement.ActionExportDestination;
import org.rapport.engine.engagement.ActionExportLine;
import org.rapport.engine.engagement.ActionList;
import org.rapport.engine.engagement.CustomerActionExports;

/**
 * Stands in for the engine at the outside edge of the routes, answering as the engine's ledger does: a
 * published run awaits each destination until an export to it is recorded. Thread-safe: routes call it
 * from their own threads.
 */
final class RecordingActionExports implements CustomerActionExports {

    private final Map<Long, ActionList> published = new ConcurrentHashMap<>();
    private final List<ActionExportLine> recorded = new CopyOnWriteArrayList<>();

    /** A run is published with this action list. */
    void published(ActionList list) {
        published.put(list.runId(), list);
    }

    @Override
    public List<Long> runsAwaitingExport(ActionExportDestination destination) {
        return published.keySet().stream().sorted()
                .filter(run -> recorded.stream().noneMatch(line -> line.runId() == run
                        && line.destination() == destination))
                .toList();
    }

    @Override
    public ActionList actionList(long runId) {
        return published.get(runId);
    }

    @Override
    public void recordExport(long runId, ActionExportDestination destination, String target, int actions,
            boolean delivered, int attempts, String failure) {
        recorded.add(new ActionExportLine(runId, destination, target, actions, java.time.Instant.now(), delivered,
                attempts, failure));
        synchronized (this) {
            notifyAll();
        }
    }

    /** Waits until an export to {@code destination} is recorded, as the routes record them when done. */
    synchronized ActionExportLine awaitExport(ActionExportDestination destination, java.time.Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            java.util.Optional<ActionExportLine> line = recorded.stream()
                    .filter(candidate -> candidate.destination() == destination).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No export to " + destination + " recorded within " + timeout);
            }
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    @Override
    public List<ActionExportLine> exports(long runId) {
        return recorded.stream().filter(line -> line.runId() == runId).toList();
    }

    /** Every export recorded, in order. */
    List<ActionExportLine> recorded() {
        return List.copyOf(recorded);
    }
}
