package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample data is exactly what the generator makes, so the two never drift apart. */
class SampleDataIsReproducibleTest {

    /** The repository's sample-data folder, relative to this module. */
    static final Path COMMITTED = Path.of("../sample-data");

    @Test
    void regeneratingGivesTheCommittedFilesByteForByte(@TempDir Path output) throws Exception {
        SampleDataGenerator.generate(sharedData(), output);

        for (String file : SampleDataGenerator.FILES) {
            assertThat(output.resolve(file)).as(file)
                    .hasSameBinaryContentAs(COMMITTED.resolve(file));
        }
    }

    @Test
    void theGeneratorWritesNothingElse(@TempDir Path output) throws Exception {
        SampleDataGenerator.generate(sharedData(), output);

        try (var files = Files.walk(output)) {
            assertThat(files.filter(Files::isRegularFile).map(file -> output.relativize(file).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrderElementsOf(SampleDataGenerator.FILES);
        }
    }

    /** The copies of the shared telco files in test resources. */
    static Path sharedData() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(SampleDataIsReproducibleTest.class.getResource("/shared-data")).toURI());
    }
}
