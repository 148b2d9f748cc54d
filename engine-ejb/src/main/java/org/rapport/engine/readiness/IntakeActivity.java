package org.rapport.engine.readiness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.rapport.engine.intake.DeliveryInProgress;

/**
 * The deliveries this node's intake is storing right now. A run reading while one of them is half
 * stored would measure a month without it (a 1M-call file takes minutes), so runs wait until this is
 * empty. Thread-safe. Per node: on a cluster each node knows its own intake only.
 */
@ApplicationScoped
public class IntakeActivity {

    private final Map<String, Integer> storing = new ConcurrentHashMap<>();

    void onDelivery(@Observes DeliveryInProgress delivery) {
        String key = delivery.source() + " " + delivery.fileName();
        if (delivery.finished()) {
            storing.computeIfPresent(key, (file, count) -> count > 1 ? count - 1 : null);
        } else {
            storing.merge(key, 1, Integer::sum);
        }
    }

    /** "source file" of each delivery being stored, sorted; empty when the intake is idle. */
    public List<String> beingStored() {
        List<String> files = new ArrayList<>(storing.keySet());
        files.sort(null);
        return files;
    }

    public boolean idle() {
        return storing.isEmpty();
    }
}
