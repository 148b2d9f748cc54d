package org.rapport.integration.rulesinbox;

import java.nio.file.Files;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.rapport.engine.ruleset.RuleInbox;
import org.rapport.integration.CamelContexts;

/**
 * The watched rules inbox as a whole: creates the folder and runs the {@link RulesInboxRoutes} in a Camel
 * context of its own. Close it to stop gracefully.
 */
public final class RulesInbox implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RulesInbox.class.getName());

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
        CamelContext camel = CamelContexts.start("rapport-rules-inbox", new RulesInboxRoutes(settings, ruleInbox));
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
