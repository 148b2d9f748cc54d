package org.rapport.integration;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The Camel context of its own that each long-running integration (file drop, rules inbox, CRM export)
 * runs its routes in: named, so its logs and metrics say which one it is, and stopped gracefully by
 * {@link CamelContext#shutdown()}.
 */
public final class CamelContexts {

    /** How long a graceful stop waits for exchanges in flight before it gives up on them. */
    static final int SHUTDOWN_TIMEOUT_SECONDS = 20;

    private CamelContexts() {
    }

    /** A context called {@code name}, started with {@code routes}. */
    public static CamelContext start(String name, RoutesBuilder routes) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName(name);
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.addRoutes(routes);
        camel.start();
        return camel;
    }
}
