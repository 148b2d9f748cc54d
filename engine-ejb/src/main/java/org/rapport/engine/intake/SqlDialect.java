package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two databases the intake's own SQL runs on, where their SQL differs: taking values from a sequence,
 * and how a chunk of rows is best sent (PostgreSQL: one array per column, unnested on the server; H2:
 * multi-row inserts).
 */
enum SqlDialect {

    H2 {
        @Override
        String sequenceValues(String sequence) {
            return "select next value for " + sequence + " from system_range(1, ?)";
        }
    },

    POSTGRESQL {
        @Override
        String sequenceValues(String sequence) {
            return "select nextval('" + sequence + "') from generate_series(1, ?)";
        }
    };

    /** A query giving as many values of {@code sequence} (a name of ours, never user-written) as its one parameter. */
    abstract String sequenceValues(String sequence);

    static SqlDialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL") ? POSTGRESQL : H2;
    }
}
