package org.rapport.integration.transport;

import java.util.Optional;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Finds the data source a JDBC source names. In the server that is a JNDI lookup
 * ({@link #jndi()}); a test hands in a real data source of its own.
 */
@FunctionalInterface
public interface DataSourceLookup {

    /** The data source bound to {@code name}, or empty when there is none. */
    Optional<DataSource> find(String name);

    /** Looks names up in the server's JNDI, e.g. {@code java:/jdbc/crm}. */
    static DataSourceLookup jndi() {
        return name -> {
            try {
                Object bound = new InitialContext().lookup(name);
                return bound instanceof DataSource dataSource ? Optional.of(dataSource) : Optional.empty();
            } catch (NamingException e) {
                return Optional.empty();
            }
        };
    }
}
