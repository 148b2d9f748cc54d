package org.rapport.web.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import org.rapport.engine.outage.InfrastructureFault;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, failing over, or
 * its connections gone) from any other: the caller answers 503 and the client tries again, rather than
 * a 500 that says the request itself was wrong. Read from the chain of causes by type and SQL state, so
 * that it works whichever layer (JDBC driver, connection pool, Hibernate, EJB) wrapped it.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Why the database could not be used, in words for the answer and the log; empty for other failures. */
    static Optional<String> reason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of("no connection to the database");
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && isConnectionState(sql.getSQLState())) {
                return Optional.of("the database connection failed (SQL state " + sql.getSQLState() + ")");
            }
            String type = cause.getClass().getName();
            if (type.equals("org.hibernate.exception.JDBCConnectionException")) {
                return Optional.of("the database connection failed");
            }
            if (type.startsWith("jakarta.resource.") && String.valueOf(cause.getMessage()).contains("IJ0")) {
                return Optional.of("the connection pool has no usable connection");
            }
            if (cause instanceof java.net.ConnectException) {
                return Optional.of("the database refused the connection");
            }
        }
        // the rest of what the engine counts as the infrastructure's: read-only, another schema, the disk full
        return InfrastructureFault.of(failure).map(InfrastructureFault::reason);
    }

    /**
     * SQL states that mean the connection, not the statement, failed: class 08 (connection exception) and
     * PostgreSQL's 57P01–57P03 (administrator shutdown, crash shutdown, cannot connect now).
     */
    private static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
