package org.rapport.engine.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.testing.EmbeddedPostgresServer;

/** A new, empty database of each kind Rapport supports, one per call, and SQL run on it. */
enum FreshDatabase {

    H2 {
        @Override
        DataSource create(String name) {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
            dataSource.setUser("sa");
            return dataSource;
        }
    },

    POSTGRESQL {
        @Override
        DataSource create(String name) {
            return EmbeddedPostgresServer.newDatabase(name);
        }
    };

    private static final AtomicInteger COUNT = new AtomicInteger();

    abstract DataSource create(String name);

    /** A new empty database. */
    DataSource create() {
        return create("migrations_" + COUNT.incrementAndGet());
    }

    /** The folder of this database under test resources, e.g. {@code previous-release/h2}. */
    String vendor() {
        return name().toLowerCase();
    }

    /** Runs the statements of a script on the class path, each ending with a semicolon at the end of a line. */
    static void runScript(DataSource dataSource, String resource) {
        try (InputStream in = FreshDatabase.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No script " + resource);
            }
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            execute(dataSource, script.split(";\\s*\\R"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(DataSource dataSource, String... statements) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                if (!sql.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
