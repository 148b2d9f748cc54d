package org.rapport.integration.transport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.ReadOnlyQuery;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;

/**
 * One fetch of a JDBC source: the definition's SELECT run with {@code :since} bound to the watermark,
 * its rows streamed into one landed CSV, and only then the watermark moved on to the largest
 * {@code updatedAtColumn} value landed. A fetch that fails before its file landed leaves the
 * watermark where it was, so the rows are fetched again rather than lost. Nothing changed, nothing
 * landed.
 *
 * <p>Plain JDBC rather than camel-jdbc or camel-sql: both commit as soon as the statement ran, and
 * PostgreSQL closes a cursor at commit, so their streamed results are either read whole into memory
 * (with auto-commit on) or cut off after the first batch. Here the rows are fetched
 * {@value #FETCH_SIZE} at a time inside one read-only transaction.
 */
final class IncrementalExtract implements Processor {

    static final int FETCH_SIZE = 500;

    private final SourceDefinition source;
    private final Transport.Jdbc jdbc;
    private final DataSource dataSource;
    private final LandingFolder landing;
    private final WatermarkStore watermarks;
    private final SinceQuery query;
    private final Clock clock;

    IncrementalExtract(SourceDefinition source, DataSource dataSource, LandingFolder landing, Clock clock) {
        this.source = source;
        this.jdbc = (Transport.Jdbc) source.transport();
        this.dataSource = dataSource;
        this.landing = landing;
        this.watermarks = jdbc.updatedAtColumn() == null ? null
                : new WatermarkStore(landing.stateDir(), jdbc.updatedAtColumn());
        this.query = new SinceQuery(readOnly(jdbc.query()));
        this.clock = clock;
    }

    /** The one SELECT the definition was checked to hold, as the SQL parser renders it. */
    private static String readOnly(String query) {
        try {
            return ReadOnlyQuery.of(query).sql();
        } catch (DefinitionException e) {
            throw new IllegalArgumentException("a JDBC source's query must be checked before it runs: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Watermark since = watermarks == null ? null
                : watermarks.read().orElseGet(() -> Watermark.parse(jdbc.initialSince()));
        CsvExtract extract = new CsvExtract(jdbc.updatedAtColumn(), source.charset(), source.timeZone());
        String name = LandingFolder.timestamped(source.name(), clock.instant(), ".csv");
        try (LandingFile file = landing.newFile(name)) {
            query(since, extract, file);
            if (extract.rows() == 0) {
                return;
            }
            file.land();
        }
        // after the landing, never before: a crash in between fetches the rows again
        if (watermarks != null && extract.largest() != null) {
            watermarks.save(extract.largest());
        }
        exchange.setProperty(FetchRoutes.FILES_LANDED, 1L);
        exchange.setProperty(FetchRoutes.ROWS_LANDED, extract.rows());
    }

    private void query(Watermark since, CsvExtract extract, LandingFile file) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            boolean readOnly = connection.isReadOnly();
            // a read-only transaction: a function in the SELECT that writes fails rather than writes
            connection.setReadOnly(true);
            // PostgreSQL streams a result FETCH_SIZE rows at a time only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(query.sql(), ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY)) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setQueryTimeout(Math.toIntExact(Math.max(1, jdbc.timeout().toSeconds())));
                if (since != null) {
                    query.bind(statement, since);
                }
                try (ResultSet result = statement.executeQuery()) {
                    extract.write(result, file);
                }
            } finally {
                // only read: nothing to keep
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setReadOnly(readOnly);
            }
        }
    }
}
