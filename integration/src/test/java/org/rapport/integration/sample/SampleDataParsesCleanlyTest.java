package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.filedrop.IntakeFolder;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDefinitions;

/**
 * Every committed sample file goes through its folder's format without a single quarantined row: the
 * canonical folders' files, and the samples' own sources (their definitions as a fresh installation
 * loads them, with the boundaries it starts with).
 */
class SampleDataParsesCleanlyTest {

    record SampleFile(IntakeFolder folder, Path file) {
        @Override
        public String toString() {
            return folder.name() + "/" + file.getFileName();
        }
    }

    static Stream<SampleFile> canonicalFiles() throws IOException {
        List<SampleFile> files = new ArrayList<>();
        for (IntakeFolder folder : IntakeFolder.canonical()) {
            files.addAll(filesOf(folder, SampleDataIsReproducibleTest.COMMITTED.resolve(folder.name())));
        }
        return files.stream();
    }

    @Test
    void everyCanonicalFolderHasSampleData() throws IOException {
        assertThat(canonicalFiles().map(file -> file.folder().name()).distinct())
                .containsExactlyInAnyOrderElementsOf(IntakeFolder.canonical().stream().map(IntakeFolder::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalFiles")
    void eachSampleFileParsesWithNoQuarantinedRows(SampleFile sample) throws Exception {
        assertParsesCleanly(sample);
    }

    @Test
    void theSamplesOwnSourcesLoadAsAFreshInstallationSeedsThemAndTheirFilesParseCleanly(@TempDir Path dataDir)
            throws Exception {
        Path sources = Files.createDirectories(dataDir.resolve("sources"));
        Path intake = dataDir.resolve("intake");
        try (Stream<Path> definitions = Files.list(SampleDataIsReproducibleTest.COMMITTED.resolve("sources"))) {
            for (Path definition : definitions.toList()) {
                String name = definition.getFileName().toString().replaceFirst("\\.json$", "");
                copyFolder(SampleDataIsReproducibleTest.COMMITTED.resolve(name), intake.resolve(name));
                Files.copy(definition, sources.resolve(definition.getFileName()));
            }
        }

        SourceDefinitions loaded = SourceDefinitions.load(sources, FormatCatalog.standard(),
                SourceBoundaries.closed(dataDir));

        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.definitions()).extracting(SourceDefinition::name, SourceDefinition::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("regulator-complaints", SourceKind.SERVICE_CASES));
        for (SourceDefinition definition : loaded.definitions()) {
            IntakeFormat format = FormatCatalog.standard().bind(definition, CustomerDirectory.NONE);
            List<SampleFile> files = filesOf(new IntakeFolder(definition.name(), format),
                    SampleDataIsReproducibleTest.COMMITTED.resolve(definition.name()));
            assertThat(files).as(definition.name() + " has sample files").isNotEmpty();
            for (SampleFile file : files) {
                assertParsesCleanly(file);
            }
        }
    }

    private static void assertParsesCleanly(SampleFile sample) throws IOException {
        IntakeBatch batch;
        try (InputStream content = Files.newInputStream(sample.file())) {
            batch = sample.folder().format().read(sample.file().getFileName().toString(), content);
        }

        assertThat(batch.rejection()).as(sample.toString()).isNull();
        assertThat(batch.quarantined()).as(sample.toString()).isEmpty();
        try (Stream<String> lines = Files.lines(sample.file())) {
            assertThat(batch.records()).as("one record per line after the header").hasSize((int) lines.count() - 1);
        }
    }

    private static List<SampleFile> filesOf(IntakeFolder folder, Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().map(file -> new SampleFile(folder, file)).toList();
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
