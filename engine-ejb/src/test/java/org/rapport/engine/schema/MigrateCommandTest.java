package org.rapport.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void anOperatorMigratesAnH2DatabaseOnDiskBeforeStartingTheServer() {
        String url = "jdbc:h2:" + dataDir.resolve("db/rapport").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

        assertThat(MigrateCommand.run(url, "sa", "sa")).isEqualTo("Migrated the schema from version none to "
                + latest() + " (" + SchemaMigrationsTest.everyVersionApplied().size() + " migrations).");
        assertThat(MigrateCommand.run(url, "sa", "sa")).isEqualTo("The schema is up to date at version " + latest() + ".");
    }

    @Test
    void aDatabaseOfThePreviousReleaseIsBaselinedAndUpgraded() {
        String url = "jdbc:h2:" + dataDir.resolve("db/rapport").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        dataSource.setPassword("sa");
        FreshDatabase.runScript(dataSource, "previous-release/h2/schema.sql");
        FreshDatabase.runScript(dataSource, "previous-release/h2/data.sql");

        assertThat(MigrateCommand.run(url, "sa", "sa")).isEqualTo("Migrated the schema from version 1 to "
                + latest() + " (" + (SchemaMigrationsTest.everyVersionApplied().size() - 1) + " migrations).");
    }

    private static String latest() {
        List<String> versions = SchemaMigrationsTest.everyVersionApplied();
        return versions.get(versions.size() - 1).replace(":true", "");
    }
}
