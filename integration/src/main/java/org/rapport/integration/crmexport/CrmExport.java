package org.rapport.integration.crmexport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.rapport.engine.engagement.CustomerActionExports;
import org.rapport.integration.CamelContexts;

/**
 * The CRM export as a whole: prepares the outbox and runs the {@link CrmExportRoutes} in a Camel context
 * of its own. Close it to stop gracefully.
 */
public final class CrmExport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CrmExport.class.getName());

    private final CamelContext camel;

    private CrmExport(CamelContext camel) {
        this.camel = camel;
    }

    /**
     * Starts exporting the action lists of published runs through {@code exports} (the engine's EJB, so
     * that every call runs in a transaction of its own).
     *
     * @throws IOException when the outbox cannot be created
     */
    public static CrmExport start(CrmExportSettings settings, CustomerActionExports exports) throws Exception {
        Files.createDirectories(settings.outbox());
        CamelContext camel = CamelContexts.start("rapport-crm-export", new CrmExportRoutes(settings, exports));
        LOG.info(() -> "Customer actions go to the CRM outbox " + settings.outbox()
                + settings.endpoint().map(uri -> " and to " + uri).orElse(" (no CRM endpoint configured)"));
        return new CrmExport(camel);
    }

    /** The Camel context the routes run in. */
    CamelContext camelContext() {
        return camel;
    }

    @Override
    public void close() {
        camel.shutdown();
    }
}
