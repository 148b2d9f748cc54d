package org.rapport.engine.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

/**
 * Held while one process migrates a database, so that a second one waits and then finds the schema up to
 * date instead of racing it (Flyway locks only once its history table exists). PostgreSQL: a session
 * advisory lock; H2: a lock in this JVM, since an H2 file is open in one process only.
 */
final class MigrationLock implements AutoCloseable {

    /** How long a start waits for another process's migration before it gives up. */
    static final Duration PATIENCE = Duration.ofMinutes(10);

    private static final long KEY = 0x5261_7070_6f72_7431L; // "Rapport1"
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    static MigrationLock take(DataSource dataSource, String vendor) {
        IN_THIS_JVM.lock();
        if (!vendor.equals("postgresql")) {
            return new MigrationLock(null);
        }
        try {
            Connection connection = dataSource.getConnection();
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (!tryLock(connection)) {
                if (Instant.now().isAfter(giveUp)) {
                    connection.close();
                    throw new SchemaMigrationException("Another process has been migrating this database for "
                            + PATIENCE.toMinutes() + " minutes; nothing was changed. Check for a stuck upgrade.");
                }
                Thread.sleep(500);
            }
            return new MigrationLock(connection);
        } catch (SQLException e) {
            IN_THIS_JVM.unlock();
            throw new SchemaMigrationException("Cannot lock the database to migrate its schema: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            IN_THIS_JVM.unlock();
            Thread.currentThread().interrupt();
            throw new SchemaMigrationException("Interrupted while waiting for another migration", e);
        } catch (RuntimeException e) {
            IN_THIS_JVM.unlock();
            throw e;
        }
    }

    /** Whether another thread of this JVM waits for the lock (a second start queued behind a migration). */
    static boolean othersWaiting() {
        return IN_THIS_JVM.hasQueuedThreads();
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                try (connection; PreparedStatement statement = connection.prepareStatement(
                        "select pg_advisory_unlock(?)")) {
                    statement.setLong(1, KEY);
                    statement.execute();
                }
            }
        } catch (SQLException e) {
            // closing the session releases its advisory lock as well
        } finally {
            IN_THIS_JVM.unlock();
        }
    }
}
