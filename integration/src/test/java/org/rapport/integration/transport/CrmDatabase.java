package org.rapport.integration.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A CRM's database, as a JDBC source reads it: a real PostgreSQL server holding a {@code customer}
 * table with an {@code updated_at} timestamp and a {@code queue_log} table with an epoch
 * {@code date_time}. Started once for the test JVM; each test starts from empty tables.
 */
public final class CrmDatabase {

    private static EmbeddedPostgres server;

    private CrmDatabase() {
    }

    public static synchronized DataSource dataSource() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is going anyway
                }
            }));
        }
        return server.getPostgresDatabase();
    }

    /** The JDBC URL of the database, for a server that connects on its own (user postgres, no password). */
    public static synchronized String jdbcUrl() {
        dataSource();
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** Empty CRM tables. */
    public static void reset() throws SQLException {
        execute("DROP TABLE IF EXISTS customer",
                "DROP TABLE IF EXISTS queue_log",
                """
                CREATE TABLE customer (
                    customer_id text PRIMARY KEY, segment text, region text, value_band text, customer_since date,
                    status text, churned_on date, churn_reason text, annual_value numeric(10, 2),
                    preferred_channel text, consent_analytics boolean, consent_contact boolean,
                    updated_at timestamp NOT NULL)
                """,
                """
                CREATE TABLE queue_log (
                    uid bigint PRIMARY KEY, date_time bigint NOT NULL, callid text, queue_name text, event text)
                """);
    }

    /** {@code count} active customers C-1, C-2, … last updated at {@code updatedAt} (SQL). */
    public static void customers(int count, String updatedAt) throws SQLException {
        execute("INSERT INTO customer SELECT 'C-' || n, 'one-year', 'north', 'medium', DATE '2023-12-31', 'active', "
                + "NULL, NULL, 683.40, 'phone', true, false, " + updatedAt + " FROM generate_series(1, " + count + ") n");
    }

    /** Runs the statements in one transaction, so a fetch sees all of their changes or none. */
    public static void execute(String... statements) throws SQLException {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String sql : statements) {
                statement.execute(sql);
            }
            connection.commit();
        }
    }
}
