package org.rapport.engine.outage;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A failure of what Rapport stands on — the database out of reach, read-only or of another schema, the disk
 * full — rather than of the data it was handling. Whoever hit it keeps the data and tries again later; the data
 * is never blamed (a file is not moved to {@code .failed/}, a run is not marked failed). Recognised from the
 * chain of causes by type, SQL state, vendor code and the operating system's words, so it works whichever
 * layer (JDBC driver, connection pool, Hibernate, EJB, Camel) wrapped it.
 *
 * @param reason      what is wrong, in words for a log line, a health report or a note: never data
 * @param operatorFix what the operator can do about it when waiting is not enough
 */
public record InfrastructureFault(String reason, String operatorFix) {

    private static final String WAIT = "nothing to do if the database is restarting; otherwise start it or fix the "
            + "network to it (RAPPORT_DB_URL)";
    private static final String FREE_SPACE = "free disk space where the database (or rapport.data.dir) keeps its files";

    /** H2's codes for a connection or database that went away, and for its files failing to be written. */
    private static final Set<Integer> H2_GONE = Set.of(90067, 90098, 90121, 90135);
    private static final Set<Integer> H2_IO = Set.of(90028, 90031, 90100);
    /** H2 (42S02/42S04 table, 42S22 column) and PostgreSQL (42P01, 42703): the schema is not the one expected. */
    private static final Set<String> MISSING_OBJECT_STATES = Set.of("42S02", "42S04", "42S22", "42P01", "42703");

    /** The infrastructure fault behind {@code failure}, or empty when the failure is about the data or unknown. */
    public static Optional<InfrastructureFault> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<InfrastructureFault> fault = single(cause);
            if (fault.isPresent()) {
                return fault;
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} is an infrastructure fault. */
    public static boolean isInfrastructure(Throwable failure) {
        return of(failure).isPresent();
    }

    private static Optional<InfrastructureFault> single(Throwable cause) {
        if (diskFull(cause.getMessage())) {
            return Optional.of(new InfrastructureFault("the disk is full", FREE_SPACE));
        }
        if (cause instanceof SQLException sql) {
            return ofSql(sql);
        }
        if (cause instanceof WorkInterrupted) {
            return Optional.of(new InfrastructureFault("the server is stopping",
                    "nothing to do: the work is taken up again when the server starts"));
        }
        String type = cause.getClass().getName();
        if (type.equals("org.hibernate.exception.JDBCConnectionException")) {
            return database("the database connection failed");
        }
        if (type.startsWith("jakarta.resource.") && String.valueOf(cause.getMessage()).contains("IJ0")) {
            return database("the connection pool has no usable connection");
        }
        if (cause instanceof ConnectException) {
            return database("a connection was refused");
        }
        if (cause instanceof SocketException) {
            return database("a network connection broke");
        }
        if (type.equals("jakarta.transaction.SystemException") || (type.equals("org.hibernate.TransactionException")
                && String.valueOf(cause.getMessage()).contains("begin"))) {
            return database("a transaction could not begin");
        }
        return Optional.empty();
    }

    private static Optional<InfrastructureFault> ofSql(SQLException sql) {
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                || state.startsWith("08")) {
            return database("the database connection failed (SQL state " + state + ")");
        }
        if (state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
            return database("the database is shutting down or starting (SQL state " + state + ")");
        }
        if (state.equals("53100")) {
            return Optional.of(new InfrastructureFault("the database's disk is full (SQL state 53100)", FREE_SPACE));
        }
        if (state.startsWith("53")) {
            return database("the database is out of resources (SQL state " + state + ")");
        }
        if (state.equals("25006") || sql.getErrorCode() == 90097) {
            return Optional.of(new InfrastructureFault("the database is read-only",
                    "point RAPPORT_DB_URL at the primary (writable) database, or make it writable; nothing was "
                            + "written, and work resumes once it accepts writes"));
        }
        if (MISSING_OBJECT_STATES.contains(state)) {
            return Optional.of(new InfrastructureFault("the database's schema is not the one this Rapport expects "
                    + "(SQL state " + state + ": a table or column is missing)",
                    "restore the database Rapport was using, or restart Rapport so its migrations bring the schema "
                            + "up to date; nothing was written"));
        }
        if (H2_GONE.contains(sql.getErrorCode())) {
            return database("the database was closed (H2 error " + sql.getErrorCode() + ")");
        }
        if (H2_IO.contains(sql.getErrorCode())) {
            return Optional.of(new InfrastructureFault("the database could not write its files (H2 error "
                    + sql.getErrorCode() + ")", FREE_SPACE + ", and check that it is writable"));
        }
        return Optional.empty();
    }

    private static Optional<InfrastructureFault> database(String reason) {
        return Optional.of(new InfrastructureFault(reason, WAIT));
    }

    private static boolean diskFull(String message) {
        if (message == null) {
            return false;
        }
        String words = message.toLowerCase(Locale.ROOT);
        return words.contains("no space left on device") || words.contains("disk quota exceeded")
                || words.contains("there is not enough space on the disk");
    }
}
