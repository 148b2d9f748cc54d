package org.rapport.web.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.rapport.engine.outage.InfrastructureFault;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, failing over, or
 * its connections gone) from any other: the caller answers 503 and the client tries again, rather than
 * a 500 that says the request itself was wrong. Read from the chain of causes (and the exceptions
 * suppressed along it, where the transaction manager keeps what went wrong at commit) by type and SQL
 * state, so that it works whichever layer (JDBC driver, connection pool, Hibernate, EJB) wrapped it.
 */
final class DatabaseOutage {

    private DatabaseOutage() {
    }

    /** Why the database could not be used, in words for the answer and the log; empty for other failures. */
    static Optional<String> reason(Throwable failure) {
        Optional<String> connection = first(failure, DatabaseOutage::connectionFailure);
        // the rest of what the engine counts as the infrastructure's: read-only, another schema, the disk full
        return connection.isPresent() ? connection : first(failure, cause -> InfrastructureFault.of(cause)
                .map(InfrastructureFault::reason));
    }

    /**
     * Why the database could not be used, also when the only sign is a transaction rolled back at commit with no
     * cause given (the transaction manager's bare {@code RollbackException}, as when the database goes away while
     * the work is committed): then {@code database} is asked whether it can be reached now.
     *
     * @param database the reason the database cannot be reached now, or empty when it can
     */
    static Optional<String> reason(Throwable failure, DatabaseProbe database) {
        Optional<String> known = reason(failure);
        if (known.isPresent() || !rolledBackWithoutCause(failure)) {
            return known;
        }
        return database.unreachable().map(why -> "the transaction could not be committed: " + why);
    }

    private static Optional<String> connectionFailure(Throwable cause) {
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
        return Optional.empty();
    }

    /** A transaction rolled back at commit ({@code jakarta.transaction.RollbackException}) that says nothing of why. */
    private static boolean rolledBackWithoutCause(Throwable failure) {
        return first(failure, cause -> cause instanceof jakarta.transaction.RollbackException
                && cause.getCause() == null && cause.getSuppressed().length == 0 ? Optional.of(cause) : Optional.empty())
                .isPresent();
    }

    /** The first answer {@code look} gives for the failure, its causes and what they suppressed, outermost first. */
    private static <T> Optional<T> first(Throwable failure, Function<Throwable, Optional<T>> look) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable cause = next.removeFirst();
            if (!seen.add(cause)) {
                continue;
            }
            Optional<T> answer = look.apply(cause);
            if (answer.isPresent()) {
                return answer;
            }
            if (cause.getCause() != null) {
                next.addFirst(cause.getCause());
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                next.addLast(suppressed);
            }
        }
        return Optional.empty();
    }

    /**
     * SQL states that mean the connection, not the statement, failed: class 08 (connection exception) and
     * PostgreSQL's 57P01–57P03 (administrator shutdown, crash shutdown, cannot connect now).
     */
    private static boolean isConnectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
