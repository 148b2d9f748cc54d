package org.rapport.engine.readiness;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.rapport.engine.intake.DeliveryInProgress;
import org.rapport.engine.intake.DeliveryInProgress.Phase;

/**
 * The deliveries this node's intake is storing right now, or that wait their turn to be. A run reading while one of
 * them is half stored, or not yet begun, would measure a month without it (a 1M-call file takes minutes), so runs
 * wait until this is empty. Thread-safe. Per node: on a cluster each node knows its own intake only.
 */
@ApplicationScoped
public class IntakeActivity {

    /** Said after a delivery that waits for its turn. */
    public static final String WAITING = " (waiting its turn)";

    private final Map<Phase, Map<String, Integer>> deliveries = new EnumMap<>(Map.of(
            Phase.WAITING, new ConcurrentHashMap<>(), Phase.STORING, new ConcurrentHashMap<>()));

    public void onDelivery(@Observes DeliveryInProgress delivery) {
        String key = delivery.source() + " " + delivery.fileName();
        Map<String, Integer> inPhase = deliveries.get(delivery.phase());
        if (delivery.finished()) {
            inPhase.computeIfPresent(key, (file, count) -> count > 1 ? count - 1 : null);
        } else {
            inPhase.merge(key, 1, Integer::sum);
        }
    }

    /**
     * "source file" of each delivery being stored, then "source file (waiting its turn)" of each waiting, each
     * sorted; empty when the intake is idle.
     */
    public List<String> beingStored() {
        List<String> files = new ArrayList<>(deliveries.get(Phase.STORING).keySet());
        files.sort(null);
        List<String> waiting = new ArrayList<>(deliveries.get(Phase.WAITING).keySet());
        waiting.sort(null);
        waiting.forEach(file -> files.add(file + WAITING));
        return files;
    }

    public boolean idle() {
        return deliveries.values().stream().allMatch(Map::isEmpty);
    }
}
