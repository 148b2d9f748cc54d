package org.rapport.web.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import org.rapport.engine.outage.InfrastructureFault;

/**
 * Asks the database whether it can be reached now, by taking a connection from the pool and checking it: for a
 * failure that does not say why (a transaction rolled back at commit with no cause), whether the database being
 * away is the likely reason. Only asked for such failures, so it adds no load while everything works.
 */
final class DatabaseProbe {

    /** The data source of the persistence unit "rapport" (web's rapport-datasource.cli). */
    static final String RAPPORT_DS = "java:jboss/datasources/RapportDS";
    private static final int VALIDATION_SECONDS = 2;

    private final Supplier<DataSource> dataSource;

    DatabaseProbe(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    /** The server's own data source, looked up when first asked. */
    static DatabaseProbe rapport() {
        return new DatabaseProbe(() -> {
            try {
                return InitialContext.doLookup(RAPPORT_DS);
            } catch (NamingException e) {
                throw new IllegalStateException("No data source at " + RAPPORT_DS, e);
            }
        });
    }

    /** Why the database cannot be reached now, or empty when a connection to it works. */
    Optional<String> unreachable() {
        try (Connection connection = dataSource.get().getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? Optional.empty()
                    : Optional.of("the database does not answer");
        } catch (SQLException e) {
            return Optional.of(InfrastructureFault.of(e).map(InfrastructureFault::reason)
                    .orElse("no connection to the database"));
        } catch (RuntimeException e) {
            // no data source to ask (not in the server): the failure is not known to be the database's
            return Optional.empty();
        }
    }
}
