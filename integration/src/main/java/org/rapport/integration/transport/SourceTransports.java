package org.rapport.integration.transport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.ReadOnlyQuery;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;

/**
 * Makes the fetch route of each source whose data has to be fetched (SFTP, HTTP, JDBC) into a local
 * landing folder, where the file drop takes it like any dropped file. A {@code file} source needs no
 * fetching: its files are dropped by someone else. Thread-safe.
 *
 * <pre>{@code
 * SourceTransports transports = new SourceTransports(new MicroProfileCredentials(config),
 *         DataSourceLookup.jndi(), boundaries, FetchSettings.standard());
 * Optional<FetchRoutes> routes = transports.fetchRoutes(definition, intakeDir.resolve(definition.name()));
 * routes.ifPresent(camel::addRoutes);   // route id routes.routeId(), health from routes.status()
 * }</pre>
 */
public final class SourceTransports {

    private final CredentialResolver credentials;
    private final DataSourceLookup dataSources;
    private final SourceBoundaries boundaries;
    private final FetchSettings settings;
    private final Clock clock;

    /**
     * @param boundaries where sources may reach: checked when a definition is loaded, and again here,
     *                   where a secret or a connection is handed out
     */
    public SourceTransports(CredentialResolver credentials, DataSourceLookup dataSources, SourceBoundaries boundaries,
            FetchSettings settings) {
        this(credentials, dataSources, boundaries, settings, Clock.systemUTC());
    }

    SourceTransports(CredentialResolver credentials, DataSourceLookup dataSources, SourceBoundaries boundaries,
            FetchSettings settings, Clock clock) {
        this.credentials = credentials;
        this.dataSources = dataSources;
        this.boundaries = boundaries;
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
            requireAllowed(sftp.host(), "transport.host");
            requireBound(sftp.credential(), sftp.host());
            if (sftp.hostKeyChecking() == Transport.HostKeyChecking.OFF && !boundaries.developmentMode()) {
                throw new DefinitionException("transport.hostKeyChecking", "'off' is only for a development "
                        + "installation (" + SourceBoundaries.DEVELOPMENT_MODE + "=true)");
            }
            return Optional.of(new SftpFetchRoutes(source, landingDir, settings, clock,
                    credentials.require(source, sftp.credential())));
        }
        if (transport instanceof Transport.Http http) {
            requireAllowed(http.url().getHost(), "transport.url");
            if (http.credential() != null) {
                requireBound(http.credential(), http.url().getHost());
            }
            String secret = http.credential() == null ? null : credentials.require(source, http.credential());
            return Optional.of(new HttpFetchRoutes(source, landingDir, settings, clock, secret));
        }
        if (transport instanceof Transport.Jdbc jdbc) {
            ReadOnlyQuery.of(jdbc.query());
            return Optional.of(new JdbcFetchRoutes(source, landingDir, settings, clock, connection(source, jdbc)));
        }
        return Optional.empty();
    }

    private void requireAllowed(String host, String field) throws DefinitionException {
        if (!boundaries.allowsHost(host)) {
            throw new DefinitionException(field, "'" + host + "' is not an allowed host ("
                    + SourceBoundaries.ALLOWED_HOSTS + ")");
        }
    }

    private void requireBound(String credential, String host) throws DefinitionException {
        if (!boundaries.bindsCredentialTo(credential, host)) {
            throw new DefinitionException("transport.credential", "'" + credential + "' is not for " + host + " ("
                    + SourceBoundaries.credentialHostsProperty(credential) + ")");
        }
    }

    /** A declared source connection, and not Rapport's own under another name. */
    private DataSource connection(SourceDefinition source, Transport.Jdbc jdbc) throws DefinitionException {
        if (!boundaries.allowsConnection(jdbc.dataSource())) {
            throw new DefinitionException("transport.dataSource", "'" + jdbc.dataSource()
                    + "' is not declared as a source connection (" + SourceBoundaries.CONNECTIONS + ")");
        }
        DataSource dataSource = dataSources.find(jdbc.dataSource()).orElseThrow(() -> new DefinitionException(
                "transport.dataSource", "source '" + source.name() + "' names the data source '"
                        + jdbc.dataSource() + "', which is not bound in the server"));
        for (String own : SourceBoundaries.OWN_DATA_SOURCES) {
            if (dataSources.find(own).filter(ownDataSource -> ownDataSource == dataSource).isPresent()) {
                throw new DefinitionException("transport.dataSource", "'" + jdbc.dataSource()
                        + "' is Rapport's own data source under another name: a source never queries it");
            }
        }
        return dataSource;
    }
}
