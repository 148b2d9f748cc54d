package org.rapport.integration.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A source's production fetch route running in a Camel context of its own, as the server runs it; a
 * test waits for a number of scheduled fetches to end, never for a length of time.
 */
final class Fetching implements AutoCloseable {

    private static final int WAIT_SECONDS = 30;

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final FetchRoutes routes;
    private NotifyBuilder next;

    private Fetching(FetchRoutes routes) throws Exception {
        this.routes = routes;
        camel.addRoutes(routes);
    }

    /** Starts the route; fetches begin at once and repeat on the source's schedule. */
    static Fetching start(FetchRoutes routes) throws Exception {
        Fetching fetching = new Fetching(routes);
        fetching.expect(1);
        fetching.camel.start();
        return fetching;
    }

    /** Waits until the fetch under way (if any) and {@code fetches} more have ended, however they ended. */
    Fetching awaitFetches(int fetches) {
        expect(fetches + 1);
        assertThat(next.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("%d more fetches ended", fetches).isTrue();
        return this;
    }

    /** Waits for the first fetch since the start to end. */
    Fetching awaitFirstFetch() {
        assertThat(next.matches(WAIT_SECONDS, TimeUnit.SECONDS)).as("the first fetch ended").isTrue();
        return this;
    }

    FetchStatus.Snapshot status() {
        return routes.status().snapshot();
    }

    private void expect(int fetches) {
        next = new NotifyBuilder(camel).fromRoute(routes.routeId()).whenDone(fetches).create();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
