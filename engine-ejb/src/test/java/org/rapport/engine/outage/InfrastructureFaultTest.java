package org.rapport.engine.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.testing.StoppablePostgres;

/** Faults of real databases, told from faults of the data they were given. */
class InfrastructureFaultTest {

    @TempDir
    static Path root;

    private static StoppablePostgres postgres;

    @BeforeAll
    static void start() throws SQLException {
        postgres = StoppablePostgres.start(root.resolve("pgdata"));
        execute(postgres.dataSource(), "create table kept (id int primary key)", "insert into kept values (1)");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aStoppedPostgresqlIsTheDatabaseConnectionFailing() {
        postgres.stop();
        try {
            Throwable refused = catchThrowable(() -> postgres.dataSource().getConnection().close());

            assertThat(InfrastructureFault.of(refused)).hasValueSatisfying(fault -> {
                assertThat(fault.reason()).isEqualTo("the database connection failed (SQL state 08001)");
                assertThat(fault.operatorFix()).contains("RAPPORT_DB_URL");
            });
        } finally {
            postgres.start();
        }
    }

    @Test
    void aReadOnlyPostgresqlNamesTheFix() {
        Throwable refused = catchThrowable(() -> execute(postgres.dataSource(),
                "set default_transaction_read_only = on", "insert into kept values (2)"));

        assertThat(InfrastructureFault.of(refused)).hasValueSatisfying(fault -> {
            assertThat(fault.reason()).isEqualTo("the database is read-only");
            assertThat(fault.operatorFix()).startsWith("point RAPPORT_DB_URL at the primary (writable) database");
        });
    }

    @Test
    void aMissingTableIsAnotherSchemaOnBothDatabases() {
        Throwable postgresql = catchThrowable(() -> execute(postgres.dataSource(), "select * from call_record"));
        Throwable h2 = catchThrowable(() -> execute(h2(root.resolve("h2-schema"), ""), "select * from call_record"));

        for (Throwable missing : new Throwable[] {postgresql, h2}) {
            assertThat(InfrastructureFault.of(missing)).hasValueSatisfying(fault -> {
                assertThat(fault.reason()).startsWith("the database's schema is not the one this Rapport expects");
                assertThat(fault.operatorFix()).contains("restart Rapport so its migrations bring the schema up to date");
            });
        }
    }

    @Test
    void aReadOnlyH2NamesTheFix() throws SQLException {
        Path directory = root.resolve("h2-read-only");
        execute(h2(directory, ""), "create table kept (id int primary key)");

        Throwable refused = catchThrowable(() -> execute(h2(directory, ";ACCESS_MODE_DATA=r"), "insert into kept values (1)"));

        assertThat(InfrastructureFault.of(refused)).map(InfrastructureFault::reason).hasValue("the database is read-only");
    }

    @Test
    void whatTheDataDidWrongIsNotTheInfrastructure() {
        Throwable duplicate = catchThrowable(() -> execute(postgres.dataSource(), "insert into kept values (1)"));
        Throwable notANumber = catchThrowable(() -> execute(postgres.dataSource(), "select cast('x' as int)"));

        assertThat(InfrastructureFault.of(duplicate)).isEmpty();
        assertThat(InfrastructureFault.of(notANumber)).isEmpty();
        assertThat(InfrastructureFault.of(new IllegalArgumentException("line 3, field status"))).isEmpty();
    }

    @Test
    void aFullDiskIsTheInfrastructureWhereverItIsWrapped() {
        Throwable full = new IllegalStateException(new UncheckedIOException(new IOException("No space left on device")));

        assertThat(InfrastructureFault.of(full)).map(InfrastructureFault::reason).hasValue("the disk is full");
    }

    private static DataSource h2(Path directory, String options) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + directory.resolve("db").toAbsolutePath() + options);
        dataSource.setUser("sa");
        return dataSource;
    }

    private static void execute(DataSource dataSource, String... sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }
}
