package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.filedrop.IntakeFolder;

/** Every committed sample file goes through its folder's format without a single quarantined row. */
class SampleDataParsesCleanlyTest {

    static Stream<IntakeFolder> folders() {
        return IntakeFolder.canonical().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("folders")
    void eachSampleFileParsesWithNoQuarantinedRows(IntakeFolder folder) throws Exception {
        Path sample = SampleDataIsReproducibleTest.COMMITTED.resolve(folder.name()).resolve(folder.name() + ".csv");

        IntakeBatch batch;
        try (InputStream content = Files.newInputStream(sample)) {
            batch = folder.format().read(sample.getFileName().toString(), content);
        }

        assertThat(batch.rejection()).isNull();
        assertThat(batch.quarantined()).isEmpty();
        try (Stream<String> lines = Files.lines(sample)) {
            assertThat(batch.records()).as("one record per line after the header").hasSize((int) lines.count() - 1);
        }
    }
}
