package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two databases the intake's own SQL runs on, where their SQL differs: taking values from a sequence, and how
 * many records a writer holds before it writes them ({@link StagedRows} says how each database is sent its rows).
 */
enum SqlDialect {

    H2(1_000) {
        @Override
        String sequenceValues(String sequence) {
            return "select next value for " + sequence + " from system_range(1, ?)";
        }
    },

    /**
     * Ten times H2's records at once: a statement costs PostgreSQL a round trip and a plan whatever its rows (a
     * million new calls, written 1,000 at a time, took 1,000 look-ups and 1,000 {@code COPY}s, each with its batch
     * check).
     */
    POSTGRESQL(10_000) {
        @Override
        String sequenceValues(String sequence) {
            return "select nextval('" + sequence + "') from generate_series(1, ?)";
        }
    };

    private final int recordsAtOnce;

    SqlDialect(int recordsAtOnce) {
        this.recordsAtOnce = recordsAtOnce;
    }

    /** How many records a writer holds before it looks their keys up and writes them, in statements of their own. */
    int recordsAtOnce() {
        return recordsAtOnce;
    }

    /** A query giving as many values of {@code sequence} (a name of ours, never user-written) as its one parameter. */
    abstract String sequenceValues(String sequence);

    static SqlDialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL") ? POSTGRESQL : H2;
    }
}
