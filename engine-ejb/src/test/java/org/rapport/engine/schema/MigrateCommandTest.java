package org.rapport.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void anOperatorMigratesAnH2DatabaseOnDiskBeforeStartingTheServer() {
        String url = "jdbc:h2:" + dataDir.resolve("db/rapport").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";

        assertThat(MigrateCommand.run(url, "sa", "sa")).isEqualTo("Migrated the schema from version none to 3 (3 migrations).");
        assertThat(MigrateCommand.run(url, "sa", "sa")).isEqualTo("The schema is up to date at version 3.");
    }
}
