package org.rapport.integration.transport;

import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import org.apache.camel.model.RouteDefinition;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;

/**
 * Fetches what changed in a CRM database since the last fetch into one landed CSV per fetch (see
 * {@link IncrementalExtract}); the watermark is kept in {@code .state/jdbc-watermark.json}. A
 * connection refused, a timeout or any other SQL fault is retried with back-off, then the fetch is
 * given up and the next one starts from the same watermark.
 */
final class JdbcFetchRoutes extends FetchRoutes {

    private final Transport.Jdbc jdbc;
    private final DataSource dataSource;

    JdbcFetchRoutes(SourceDefinition source, Path landingDir, FetchSettings settings, Clock clock,
            DataSource dataSource) {
        super(source, landingDir, settings, clock);
        this.jdbc = (Transport.Jdbc) source.transport();
        this.dataSource = dataSource;
    }

    @Override
    public String endpoint() {
        return "jdbc data source " + jdbc.dataSource();
    }

    @Override
    void fetch(RouteDefinition route) {
        route.process(new IncrementalExtract(source(), dataSource, landing(), clock()));
    }
}
