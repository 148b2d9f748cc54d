package org.rapport.engine.intake;

import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} through the driver's {@code CopyManager}, on the connection of the
 * caller's transaction. Reached by reflection, so that the engine needs neither the driver at compile time
 * nor the driver's module visible to the deployment: in WildFly the connection is IronJacamar's wrapper,
 * whose {@code getUnderlyingConnection()} gives the driver's own connection (the same physical connection,
 * enlisted in the same transaction); outside the server it is the driver's connection itself. Where neither
 * answers, says so and the caller sends the rows another way. Stateless.
 */
final class PostgresCopy {

    private static final Logger LOG = Logger.getLogger(PostgresCopy.class.getName());

    private PostgresCopy() {
    }

    /**
     * Copies {@code text} (COPY's text format, sent as it is read) with {@code copySql} (ours, never user-written).
     *
     * @return false when the driver's copy interface cannot be reached on this connection; nothing was sent
     */
    static boolean copyIn(Connection connection, String copySql, Reader text) throws SQLException {
        Object copyManager = copyManager(connection);
        if (copyManager == null) {
            return false;
        }
        try {
            copyManager.getClass().getMethod("copyIn", String.class, java.io.Reader.class)
                    .invoke(copyManager, copySql, text);
            return true;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException failure) {
                throw failure;
            }
            throw new SQLException("COPY failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            LOG.fine(() -> "COPY not reachable: " + e);
            return false;
        }
    }

    private static Object copyManager(Connection connection) {
        try {
            Object driverConnection = connection;
            try {
                Method underlying = connection.getClass().getMethod("getUnderlyingConnection");
                driverConnection = underlying.invoke(connection);
            } catch (NoSuchMethodException notWrapped) {
                // the driver's own connection
            }
            return driverConnection.getClass().getMethod("getCopyAPI").invoke(driverConnection);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "COPY not reachable on " + connection.getClass().getName() + ": " + e);
            return null;
        }
    }
}
