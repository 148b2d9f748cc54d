/**
 * Transports that fetch a source's data into a local landing folder: SFTP, HTTP (paged JSON) and
 * JDBC. They only fetch; the file drop takes every landed file from there like a dropped one (the
 * source's format reads it, the intake stores it, it moves to {@code .done/} or {@code .failed/}).
 *
 * <h2>Wiring a source</h2>
 *
 * <pre>{@code
 * SourceTransports transports = new SourceTransports(
 *         new MicroProfileCredentials(ConfigProvider.getConfig()),   // rapport.credential.<name>
 *         DataSourceLookup.jndi(),                                   // transport.dataSource by JNDI name
 *         SourceBoundaries.fromConfig(dataDir, config),              // rapport.sources.*, credential hosts
 *         FetchSettings.standard());
 * Optional<FetchRoutes> fetch = transports.fetchRoutes(definition, dataDir.resolve("intake").resolve(definition.name()));
 * fetch.ifPresent(routes -> camelContext.addRoutes(routes));   // route id "fetch-<source>"
 * // health: routes.status().snapshot() — last attempt and success, files and rows landed, last error
 * }</pre>
 *
 * {@link org.rapport.integration.transport.SourceTransports#fetchRoutes fetchRoutes} throws a
 * {@link org.rapport.integration.source.DefinitionException} naming the source and the field when a
 * credential is not configured or a data source not bound; other sources can still be wired. It
 * checks the {@link org.rapport.integration.source.SourceBoundaries} again where a secret or a
 * connection is handed out: the host on the allow-list, the credential bound to it, the data source
 * a declared source connection and not Rapport's own under another name, the query one SELECT.
 *
 * <h2>Endpoints and queries</h2>
 *
 * Endpoint URIs are a fixed base (scheme, checked host, checked folder) and options whose values
 * are each URL-encoded ({@link org.rapport.integration.EndpointUri}): no definition value is pasted
 * in. HTTP requests follow no redirect. A JDBC query runs as JSqlParser renders the one SELECT it
 * read, on a read-only connection, in a transaction rolled back after reading, with
 * {@code Statement.setQueryTimeout} set to the definition's timeout.
 *
 * <h2>The landing folder</h2>
 *
 * <pre>
 * intake/&lt;source&gt;/                        landed files, whole: the file drop's folder
 * intake/&lt;source&gt;/.fetching-&lt;name&gt;         a file being fetched, renamed into place when complete
 * intake/&lt;source&gt;/.state/sftp-fetched.txt    SFTP: the remote files fetched (name|size|modified)
 * intake/&lt;source&gt;/.state/jdbc-watermark.json JDBC: the largest updatedAtColumn value landed
 * intake/&lt;source&gt;/.failed/&lt;source&gt;-&lt;time&gt;.fetch-failed.txt   a fetch given up, and why
 * </pre>
 *
 * <h2>Faults</h2>
 *
 * A fetch runs on the source's schedule ({@code scheduler} for an interval, Quartz for a cron
 * expression), never two at once. A technical fault (server down, timeout, HTTP 5xx, 408 or 429, a
 * refused login, SQL errors) is retried by the route's error handler with exponential back-off;
 * a fault no retry mends (HTTP 401 and other 4xx, a response or result not of the shape the
 * definition says) is not. Then the fetch is given up: a note in {@code .failed/}, the source's
 * {@link org.rapport.integration.transport.FetchStatus} unhealthy, one WARNING in the log; the next
 * scheduled fetch tries again. Notes and logs name the source and the endpoint, never a secret
 * (credentials are set on the client or connection, not written into an endpoint URI) nor fetched
 * content.
 *
 * <h2>SFTP host keys</h2>
 *
 * With {@code "hostKeyChecking": "strict"} (the default) the server's key must be in the
 * {@code knownHosts} file the definition names, else in the Rapport user's
 * {@code ~/.ssh/known_hosts}; a server that cannot prove it is the one listed gets no password.
 * Write the file with {@code ssh-keyscan -p <port> <host> > known_hosts} and check the fingerprint
 * with the server's administrator. {@code "off"} trusts any server: it is refused unless the
 * installation runs with {@code rapport.sources.development-mode=true} (a WARNING says so at start). A credential whose secret starts with {@code -----BEGIN} is an
 * unencrypted private key (PEM, e.g. PKCS#8), any other a password; one password is tried per
 * connection, so a wrong one does not lock the account.
 */
package org.rapport.integration.transport;
