package org.rapport.engine.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

/** Drops every table, sequence and the schema history of a test database, so migrations start from nothing. */
public final class EmptyDatabase {

    private EmptyDatabase() {
    }

    public static void empty(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().startsWith("H2")) {
                statement.execute("drop all objects");
            } else {
                statement.execute("drop schema public cascade");
                statement.execute("create schema public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot empty the test database", e);
        }
    }
}
