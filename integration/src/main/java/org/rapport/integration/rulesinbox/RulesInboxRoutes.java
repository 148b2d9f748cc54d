package org.rapport.integration.rulesinbox;

import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.rapport.engine.ruleset.RuleInbox;
import org.rapport.engine.ruleset.RuleSetSubmission;
import org.rapport.integration.EndpointUri;
import org.rapport.integration.SettledFiles;
import org.rapport.rules.engine.RuleFileSource;

/**
 * Watches the rules inbox: rule files ({@code .drl}, {@code .drl.csv}, {@code .drl.xlsx},
 * {@code .scenario.json}) that have stopped changing are read, the files of one poll are handed to the
 * engine together as one draft on top of the active rule set, and each moves to {@value #DONE} with
 * {@code <file>.result.txt} left in the inbox. Other files (the results among them) are left alone.
 */
public class RulesInboxRoutes extends RouteBuilder {

    static final String ROUTE = "rules-inbox";
    static final String DONE = ".done";

    /** The names the rule compiler and the scenario runner read. */
    static final String RULE_FILES = ".*\\.(drl|drl\\.csv|drl\\.xlsx|scenario\\.json)";

    private static final Logger LOG = Logger.getLogger(RulesInboxRoutes.class.getName());

    private final RulesInboxSettings settings;
    private final RuleInbox ruleInbox;

    public RulesInboxRoutes(RulesInboxSettings settings, RuleInbox ruleInbox) {
        this.settings = settings;
        this.ruleInbox = ruleInbox;
    }

    @Override
    public void configure() {
        from(EndpointUri.folder(settings.inbox())
                + "?include=" + RULE_FILES
                + "&" + SettledFiles.readLockQuery(settings.readLockCheckInterval())
                + "&delay=" + settings.pollInterval().toMillis()
                + "&sortBy=file:name"
                // a timestamp keeps every file handed in, even one dropped again under the same name
                + "&move=" + DONE + "/${date:now:yyyyMMdd-HHmmssSSS}-${file:name}")
                .routeId(ROUTE)
                .onException(Exception.class)
                    .maximumRedeliveries(settings.maximumRedeliveries())
                    .redeliveryDelay(settings.redeliveryDelay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .process(this::notSubmitted)
                .end()
                .convertBodyTo(byte[].class)
                .aggregate(constant(true), new DroppedTogether())
                    .completionFromBatchConsumer()
                    .process(this::submit)
                .end();
    }

    private void submit(Exchange exchange) {
        List<RuleFileSource> files = files(exchange);
        RuleSetSubmission submission = ruleInbox.submit(files, settings.activateWhenValid());
        InboxResult.write(settings.inbox(), submission, Instant.now());
        // Names and counts only: a problem's text may quote the rules, and the results file has it.
        LOG.info(() -> String.format("Rules inbox: %s made draft %s: %s, %s", submission.files(),
                submission.version(), submission.valid() ? "valid"
                        : submission.problems().size() + " problem(s)",
                submission.activated() ? "activated" : "not activated"));
    }

    private void notSubmitted(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = "not made into a draft: " + (failure == null ? "unknown error"
                : failure.getClass().getSimpleName() + ": " + failure.getMessage());
        List<String> names = body instanceof List<?> ? files(exchange).stream().map(RuleFileSource::name).toList()
                : List.of(exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        InboxResult.failed(settings.inbox(), names, reason, Instant.now());
        LOG.warning(() -> "Rules inbox: " + names + " " + reason);
    }

    @SuppressWarnings("unchecked")
    private static List<RuleFileSource> files(Exchange exchange) {
        return exchange.getIn().getBody(List.class);
    }
}
