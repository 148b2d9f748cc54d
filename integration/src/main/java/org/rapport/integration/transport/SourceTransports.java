package org.rapport.integration.transport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;

/**
 * Makes the fetch route of each source whose data has to be fetched (SFTP, HTTP, JDBC) into a local
 * landing folder, where the file drop takes it like any dropped file. A {@code file} source needs no
 * fetching: its files are dropped by someone else. Thread-safe.
 *
 * <pre>{@code
 * SourceTransports transports = new SourceTransports(new MicroProfileCredentials(config),
 *         DataSourceLookup.jndi(), FetchSettings.standard());
 * Optional<FetchRoutes> routes = transports.fetchRoutes(definition, intakeDir.resolve(definition.name()));
 * routes.ifPresent(camel::addRoutes);   // route id routes.routeId(), health from routes.status()
 * }</pre>
 */
public final class SourceTransports {

    private final CredentialResolver credentials;
    private final DataSourceLookup dataSources;
    private final FetchSettings settings;
    private final Clock clock;

    public SourceTransports(CredentialResolver credentials, DataSourceLookup dataSources, FetchSettings settings) {
        this(credentials, dataSources, settings, Clock.systemUTC());
    }

    SourceTransports(CredentialResolver credentials, DataSourceLookup dataSources, FetchSettings settings,
            Clock clock) {
        this.credentials = credentials;
        this.dataSources = dataSources;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The route that fetches {@code source} into {@code landingDir} on the source's schedule, or empty
     * for a file source.
     *
     * @param landingDir the folder the file drop reads the source's files from; created when missing
     * @throws DefinitionException naming the source and the field when what the definition names is
     *                             not there: a credential not configured, a data source not bound
     */
    public Optional<FetchRoutes> fetchRoutes(SourceDefinition source, Path landingDir) throws DefinitionException {
        Transport transport = source.transport();
        if (transport instanceof Transport.Sftp sftp) {
            return Optional.of(new SftpFetchRoutes(source, landingDir, settings, clock,
                    credentials.require(source, sftp.credential())));
        }
        if (transport instanceof Transport.Http http) {
            String secret = http.credential() == null ? null : credentials.require(source, http.credential());
            return Optional.of(new HttpFetchRoutes(source, landingDir, settings, clock, secret));
        }
        if (transport instanceof Transport.Jdbc jdbc) {
            DataSource dataSource = dataSources.find(jdbc.dataSource()).orElseThrow(() -> new DefinitionException(
                    "transport.dataSource", "source '" + source.name() + "' names the data source '"
                            + jdbc.dataSource() + "', which is not bound in the server"));
            return Optional.of(new JdbcFetchRoutes(source, landingDir, settings, clock, dataSource));
        }
        return Optional.empty();
    }
}
