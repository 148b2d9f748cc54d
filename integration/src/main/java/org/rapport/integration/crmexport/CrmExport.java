package org.rapport.integration.crmexport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.rapport.engine.engagement.CustomerActionExports;

/**
 * The CRM export as a whole: prepares the outbox and runs the {@link CrmExportRoutes} in a Camel context
 * of its own. Close it to stop gracefully.
 */
public final class CrmExport implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CrmExport.class.getName());
    private static final int SHUTDOWN_TIMEOUT_SECONDS = 20;

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
        CamelContext camel = new DefaultCamelContext();
        camel.getCamelContextExtension().setName("rapport-crm-export");
        camel.getShutdownStrategy().setTimeout(SHUTDOWN_TIMEOUT_SECONDS);
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.SECONDS);
        camel.addRoutes(new CrmExportRoutes(settings, exports));
        camel.start();
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
