package org.rapport.web.health;

import java.util.Collection;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes a deployment's meters out of the server's registry when the deployment goes. WildFly keeps
 * meters in one registry for the server's life, keyed by name and tags: left behind, a redeployed
 * Rapport's gauges would find the old ones registered and read the old deployment's state (NaN once
 * it is collected) instead of their own.
 */
final class DeploymentMeters {

    private DeploymentMeters() {
    }

    /** Removes every meter of this deployment whose name is one of {@code names}. */
    static void remove(MeterRegistry registry, Collection<String> names) {
        registry.getMeters().stream()
                .filter(meter -> names.contains(meter.getId().getName()))
                .toList()
                .forEach(registry::remove);
    }
}
