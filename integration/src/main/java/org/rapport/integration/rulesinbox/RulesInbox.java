package org.rapport.integration.rulesinbox;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.rapport.engine.ruleset.RuleInbox;

/**
 * The watched rules inbox as a whole: creates the folder and runs the {@link RulesInboxRoutes} in a Camel
 * context of its own. Close it to stop gracefully.
 */
public final class RulesInbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RulesInbox.class.getName());
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 20;

    private final CamelContext camel;

    private RulesInbox(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * Starts watching {@code settings.inbox()}; drafts are made through {@code ruleInbox} (the engine's
     * {@code RuleSets} EJB, so that each draft is made in a transaction of its own).
     */
    public static RulesInbox start(RulesInboxSettings settings, RuleInbox ruleInbox) throws Exception {
        Files.createDirectories(settings.inbox());
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("rapport-rules-inbox");
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.addRoutes(new RulesInboxRoutes(settings, ruleInbox));
        camel.start();
        LOG.info(() -> "Rule files dropped into " + settings.inbox() + " become drafts"
                + (settings.activateWhenValid() ? ", activated when valid" : " (activation stays explicit)"));
        return new RulesInbox(camel);
    }

    /** The Camel context the route runs in. */
    CamelContext camelContext() {
        return camel;
    }

    @Override
    public void close() {
        camel.shutdown();
    }
}
