package org.rapport.integration.filedrop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.rapport.engine.outage.FaultLog;
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.engine.outage.InfrastructureRetries;

/**
 * Decides, after each failed attempt to store a file, whether the infrastructure is to blame and how long
 * to keep waiting for it: the file stays in its inbox and is tried again with back-off until
 * {@link FileDropSettings#outageMaxWait()} has passed since the first failure, then the wait is reported
 * (the file still stays, to be taken again on the next look). While it waits, {@link WaitingFiles} shows
 * it; the log gets one line per source and fault, with the count of repeats.
 */
final class InfrastructureWait {

    private static final Logger LOG = Logger.getLogger(InfrastructureWait.class.getName());
    private static final String SINCE = "RapportWaitingSince";

    private final Duration maxWait;
    private final WaitingFiles waiting;
    private final Map<String, IntakeFolder> folderByRoute;
    private final FaultLog log;
    private final Clock clock;

    InfrastructureWait(Duration maxWait, WaitingFiles waiting, Map<String, IntakeFolder> folderByRoute, Clock clock) {
        this.maxWait = maxWait;
        this.waiting = waiting;
        this.folderByRoute = Map.copyOf(folderByRoute);
        this.log = FaultLog.perMinute(LOG);
        this.clock = clock;
    }

    /** Whether the attempt failed because of the infrastructure rather than the file. */
    static boolean blamesInfrastructure(Exchange exchange) {
        return InfrastructureFault.isInfrastructure(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /** After a failed attempt: records the wait and says whether to try again (within the longest wait). */
    boolean tryAgain(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        InfrastructureFault fault = InfrastructureFault.of(failure).orElseThrow();
        Instant now = clock.instant();
        Instant since = exchange.getProperty(SINCE, now, Instant.class);
        exchange.setProperty(SINCE, since);
        int attempts = 1 + exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class);
        String source = source(exchange);
        String file = exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        waiting.waiting(source, kind(exchange), file, attempts, since, fault);
        log.occurred(Level.WARNING, source + "|" + fault.reason(), "Intake of " + source + " waits: '" + file
                + "' could not be stored because " + fault.reason() + "; it stays in the inbox and is tried again "
                + "with growing pauses", failure);
        boolean again = Duration.between(since, now).compareTo(maxWait) < 0;
        if (again) {
            InfrastructureRetries.counted("intake");
        }
        return again;
    }

    /** The longest wait has passed: the operator is told, and the file stays for the next look. */
    void gaveUp(Exchange exchange) {
        String source = source(exchange);
        waiting.overdue(source);
        waiting.of(source).ifPresent(file -> LOG.severe(() -> "Intake of " + source + ": '" + file.file()
                + "' has waited since " + file.since() + " (" + file.attempts() + " attempts) because " + file.reason()
                + ", longer than rapport.intake.outage.max-wait (" + maxWait + "). It stays in the inbox and is"
                + " tried again; to fix: " + file.operatorFix()));
    }

    /** The file of {@code exchange} was stored (or refused for its content): whatever it waited for is over. */
    void over(Exchange exchange) {
        String source = source(exchange);
        waiting.of(source).ifPresent(file -> {
            waiting.over(source);
            LOG.info(() -> "Intake of " + source + " resumed: '" + file.file() + "' was taken after " + file.attempts()
                    + " attempts since " + file.since() + " (" + file.reason() + ")");
        });
        log.forget(source + "|");
    }

    private String source(Exchange exchange) {
        IntakeFolder folder = folderByRoute.get(exchange.getFromRouteId());
        return folder == null ? exchange.getFromRouteId() : folder.format().source();
    }

    private String kind(Exchange exchange) {
        IntakeFolder folder = folderByRoute.get(exchange.getFromRouteId());
        return folder == null ? "" : folder.format().kind().name();
    }
}
