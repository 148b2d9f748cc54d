package org.rapport.integration.wiring;

import java.time.Duration;

import org.apache.camel.builder.RouteBuilder;

/**
 * Looks at the sources directory on a timer and brings the running routes in line with it, so a
 * definition file copied in, edited or removed by hand takes effect without a restart. The REST API
 * reconciles at once after each change; this catches the edits made beside it.
 */
public final class SourcesWatch extends RouteBuilder {

    static final String ROUTE_ID = "sources-watch";

    private final ConfiguredSources sources;
    private final Duration interval;

    public SourcesWatch(ConfiguredSources sources, Duration interval) {
        this.sources = sources;
        this.interval = interval;
    }

    @Override
    public void configure() {
        from("timer:" + ROUTE_ID + "?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                .routeId(ROUTE_ID)
                .process(exchange -> sources.reconcile());
    }
}
