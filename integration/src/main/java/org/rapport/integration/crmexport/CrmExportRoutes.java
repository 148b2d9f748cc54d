package org.rapport.integration.crmexport;

import java.util.Map;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.model.ProcessorDefinition;
import org.rapport.engine.engagement.ActionExportDestination;
import org.rapport.engine.engagement.ActionList;
import org.rapport.engine.engagement.CustomerActionExports;
import org.rapport.integration.EndpointUri;

/**
 * Two routes per destination: a timer that asks the engine which published runs were not exported there
 * yet, and the export of one run's list — a CSV file into the outbox (written under a temporary name and
 * renamed, so the CRM never reads half a file), or a JSON POST to the CRM. Technical faults are retried a
 * bounded number of times with back-off, then the export is recorded as failed; either way every export
 * is recorded. Log lines name the run, the count and the target, never a customer.
 */
public class CrmExportRoutes extends RouteBuilder {

    static final String FILE_ROUTE = "crm-export-file";
    static final String REST_ROUTE = "crm-export-rest";

    private static final Logger LOG = Logger.getLogger(CrmExportRoutes.class.getName());

    /** Exchange properties rather than headers: nothing internal is sent to the CRM as an HTTP header. */
    private static final String RUN = "RapportRun";
    private static final String ACTIONS = "RapportActions";
    private static final String TARGET = "RapportTarget";
    private static final String REDELIVERIES = "RapportRedeliveries";

    private final CrmExportSettings settings;
    private final CustomerActionExports exports;

    public CrmExportRoutes(CrmExportSettings settings, CustomerActionExports exports) {
        this.settings = settings;
        this.exports = exports;
    }

    @Override
    public void configure() {
        poll(ActionExportDestination.FILE, FILE_ROUTE);
        export(ActionExportDestination.FILE, FILE_ROUTE)
                .process(exchange -> {
                    ActionList list = load(exchange);
                    exchange.getIn().setBody(ActionListCsv.of(list));
                    exchange.getIn().setHeader(Exchange.FILE_NAME, ActionListCsv.fileName(list));
                    exchange.setProperty(TARGET, settings.outbox().resolve(ActionListCsv.fileName(list)).toString());
                })
                .to(EndpointUri.of(EndpointUri.folder(settings.outbox()),
                        Map.of("tempFileName", ".${file:name}.tmp", "charset", "UTF-8")))
                .process(exchange -> delivered(exchange, ActionExportDestination.FILE));

        settings.endpoint().ifPresent(endpoint -> {
            // HttpClient 5 would re-send a refused POST itself (and wait out a Retry-After of hours): the
            // retries are ours, bounded and counted, here.
            getContext().getComponent(endpoint.getScheme(), HttpComponent.class).setAutomaticRetriesDisabled(true);
            poll(ActionExportDestination.REST, REST_ROUTE);
            export(ActionExportDestination.REST, REST_ROUTE)
                    .process(exchange -> {
                        ActionList list = load(exchange);
                        exchange.getIn().removeHeaders("*");
                        exchange.getIn().setBody(ActionListJson.of(list));
                        exchange.getIn().setHeader(Exchange.HTTP_METHOD, "POST");
                        exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
                        exchange.setProperty(TARGET, endpoint.toString());
                    })
                    .to(EndpointUri.of(endpoint.toString(), Map.of()))
                    .process(exchange -> delivered(exchange, ActionExportDestination.REST));
        });
    }

    /**
     * The export of one run's list to {@code destination}, to be completed with the delivery itself:
     * technical faults are retried with back-off, then recorded as a failed export.
     */
    private ProcessorDefinition<?> export(ActionExportDestination destination, String exportRoute) {
        return from("direct:" + exportRoute)
                .routeId(exportRoute)
                .onException(Exception.class)
                    .maximumRedeliveries(settings.maximumRedeliveries())
                    .redeliveryDelay(settings.redeliveryDelay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .onRedelivery(CrmExportRoutes::countRedelivery)
                    .handled(true)
                    .process(exchange -> failed(exchange, destination))
                .end();
    }

    /** Every poll interval: the runs not exported to {@code destination} yet, one exchange each. */
    private void poll(ActionExportDestination destination, String exportRoute) {
        long period = settings.pollInterval().toMillis();
        from("timer:" + exportRoute + "?period=" + period + "&delay=" + Math.min(period, 1_000))
                .routeId(exportRoute + "-poll")
                .process(exchange -> exchange.getIn().setBody(exports.runsAwaitingExport(destination)))
                .split(body())
                    .to("direct:" + exportRoute)
                .end();
    }

    private ActionList load(Exchange exchange) {
        long runId = exchange.getIn().getBody(Long.class);
        ActionList list = exports.actionList(runId);
        exchange.setProperty(RUN, runId);
        exchange.setProperty(ACTIONS, list.actions().size());
        return list;
    }

    private void delivered(Exchange exchange, ActionExportDestination destination) {
        long runId = exchange.getProperty(RUN, Long.class);
        int actions = exchange.getProperty(ACTIONS, Integer.class);
        String target = exchange.getProperty(TARGET, String.class);
        exports.recordExport(runId, destination, target, actions, true, attempts(exchange), null);
        LOG.info(() -> String.format("Customer actions of run %d exported to the CRM (%s): %d actions, %s",
                runId, destination, actions, target));
    }

    private void failed(Exchange exchange, ActionExportDestination destination) {
        Long runId = exchange.getProperty(RUN, Long.class);
        if (runId == null) {
            // The run's list could not even be read: nothing was sent; the next poll tries again.
            LOG.warning(() -> "Customer actions could not be read for export (" + destination + "): "
                    + cause(exchange));
            return;
        }
        Integer actions = exchange.getProperty(ACTIONS, Integer.class);
        String target = exchange.getProperty(TARGET, String.class);
        String reason = cause(exchange);
        exports.recordExport(runId, destination, target == null ? "(not reached)" : target,
                actions == null ? 0 : actions, false, attempts(exchange), reason);
        LOG.warning(() -> String.format("Customer actions of run %d NOT exported to the CRM (%s) after %d attempts: %s",
                runId, destination, attempts(exchange), reason));
    }

    /** Counted here rather than read from Camel's header, which the HTTP call's response replaces. */
    private static void countRedelivery(Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getProperty(REDELIVERIES, 0, Integer.class) + 1);
    }

    /** The first attempt plus the redeliveries Camel made. */
    private static int attempts(Exchange exchange) {
        return 1 + exchange.getProperty(REDELIVERIES, 0, Integer.class);
    }

    /** The technical reason only: an HTTP status or an I/O error, never the body sent. */
    private static String cause(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof org.apache.camel.http.base.HttpOperationFailedException http) {
            return "HTTP " + http.getStatusCode() + (http.getStatusText() == null ? "" : " " + http.getStatusText());
        }
        return failure == null ? "unknown" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
