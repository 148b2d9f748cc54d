package org.rapport.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MigrationScriptsTest {

    private static final Path SCRIPTS = Path.of("src/main/resources/db/migration");

    @Test
    void everyScriptInTheSourcesIsListedAndEveryListedScriptExists() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            onDisk = files.filter(file -> file.toString().endsWith(".sql"))
                    .map(file -> SCRIPTS.relativize(file).toString().replace('\\', '/')).toList();
        }

        assertThat(MigrationScripts.listed(getClass().getClassLoader())).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @Test
    void eachVersionIsUsedOnceForEachDatabase() {
        for (String vendor : List.of("h2", "postgresql")) {
            List<String> versions = MigrationScripts.listed(getClass().getClassLoader()).stream()
                    .filter(path -> path.startsWith("common/") || path.startsWith(vendor + "/"))
                    .map(path -> path.substring(path.lastIndexOf('/') + 1, path.indexOf("__")))
                    .toList();
            assertThat(versions).as(vendor).doesNotHaveDuplicates();
        }
    }
}
