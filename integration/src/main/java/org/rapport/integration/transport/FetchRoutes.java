package org.rapport.integration.transport;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.rapport.integration.source.SourceDefinition;

/**
 * The route that fetches one source into its landing folder on the source's schedule; the file drop
 * takes it from there. Each scheduled run is one exchange: a technical fault (server down, timeout,
 * a 5xx) is retried here with exponential back-off, a fault no retry mends is not; either way the
 * fetch is then given up visibly, with a note in the landing folder's {@code .failed} and in
 * {@link #status()}, and the next scheduled run tries again. Subclasses, one per transport, add its
 * steps; {@link SourceTransports} makes them.
 */
public abstract class FetchRoutes extends RouteBuilder {

    private static final Logger LOG = Logger.getLogger(FetchRoutes.class.getName());
    /** Exchange properties the fetch steps count what they landed in. */
    static final String FILES_LANDED = "RapportFilesLanded";
    static final String ROWS_LANDED = "RapportRowsLanded";
    /** Exchange property: how many times the step that failed was tried, kept as it is retried. */
    static final String ATTEMPTS = "RapportAttempts";

    private final SourceDefinition source;
    private final LandingFolder landing;
    private final FetchSettings settings;
    private final FetchStatus status;
    private final Clock clock;

    FetchRoutes(SourceDefinition source, Path landingDir, FetchSettings settings, Clock clock) {
        this.source = source;
        this.landing = new LandingFolder(landingDir);
        this.settings = settings;
        this.status = new FetchStatus(source.name());
        this.clock = clock;
    }

    /** The stable id of this source's fetch route. */
    public String routeId() {
        return "fetch-" + source.name();
    }

    /** How fetching this source is going; live, thread-safe. */
    public FetchStatus status() {
        return status;
    }

    /** Where this source's fetches go, as a note may show it: never with a credential. */
    public abstract String endpoint();

    @Override
    public final void configure() throws Exception {
        landing.prepare();
        // a fault no retry mends: given up at once
        onException(Exception.class)
                .onWhen(exchange -> isPermanent(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class)))
                .handled(true)
                .process(this::giveUp);
        // any other: retried with exponential back-off, then given up
        onException(Exception.class)
                .maximumRedeliveries(settings.maximumRedeliveries())
                .redeliveryDelay(settings.redeliveryDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .onRedelivery(exchange -> exchange.setProperty(ATTEMPTS,
                        1 + exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)))
                .handled(true)
                .process(this::giveUp);

        RouteDefinition route = from(FetchSchedule.uri(routeId(), source.schedule(), settings))
                .routeId(routeId())
                .process(this::begin);
        fetch(route);
        route.process(this::succeed);
    }

    /** Adds the steps that fetch into the landing folder, counting into {@link #FILES_LANDED} and {@link #ROWS_LANDED}. */
    abstract void fetch(RouteDefinition route) throws Exception;

    /** Whether a fault is one that retrying cannot mend; by default only a {@link FetchRejected}. */
    boolean isPermanent(Throwable fault) {
        return Faults.find(fault, FetchRejected.class) != null;
    }

    /** Releases what a fetch given up still holds, e.g. a half-written file; nothing by default. */
    void abandon(Exchange exchange) throws IOException {
        // nothing held
    }

    SourceDefinition source() {
        return source;
    }

    LandingFolder landing() {
        return landing;
    }

    FetchSettings settings() {
        return settings;
    }

    Clock clock() {
        return clock;
    }

    private void begin(Exchange exchange) throws IOException {
        status.attempted(clock.instant());
        landing.removeUnfinished();
        exchange.setProperty(FILES_LANDED, 0L);
        exchange.setProperty(ROWS_LANDED, 0L);
    }

    private void succeed(Exchange exchange) {
        status.succeeded(clock.instant(), exchange.getProperty(FILES_LANDED, 0L, Long.class),
                exchange.getProperty(ROWS_LANDED, 0L, Long.class));
    }

    /** The end of a fetch that failed: note it where people look, then let the schedule try again. */
    private void giveUp(Exchange exchange) {
        Throwable fault = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int attempts = exchange.getProperty(ATTEMPTS, 1, Integer.class);
        String error = Faults.describe(fault);
        Instant at = clock.instant();
        try {
            abandon(exchange);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Source '" + source.name() + "': an unfinished fetch could not be cleared");
        }
        // what landed before the fault stays landed, and counts
        status.failed(at, exchange.getProperty(FILES_LANDED, 0L, Long.class),
                exchange.getProperty(ROWS_LANDED, 0L, Long.class), error);
        try {
            Path note = FetchFailureNote.write(landing, source.name(), endpoint(), at, attempts, error);
            LOG.warning(() -> "Source '" + source.name() + "': fetching from " + endpoint() + " was given up after "
                    + attempts + " attempt" + (attempts == 1 ? "" : "s") + ": " + error + " (noted in " + note + ")");
        } catch (IOException e) {
            LOG.log(Level.SEVERE, e, () -> "Source '" + source.name() + "': fetching from " + endpoint()
                    + " was given up after " + attempts + " attempts (" + error + ") and the note could not be written");
        }
    }
}
