package org.rapport.integration.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDefinitions;

/** Definitions written in a test, the shared real-world files, and what a format makes of them. */
public final class TestSources {

    /** The test servers' host and the example definitions' hosts; in production the list starts empty. */
    private static final Set<String> HOSTS = Set.of("127.0.0.1", "survey.example", "pbx.example",
            "pbx.example.org", "example.qualtrics.com");

    private TestSources() {
    }

    /**
     * Where the tests' definitions may reach: the shared data folder for file sources, the test
     * servers' and the examples' hosts, their credentials bound to those hosts, the test databases.
     */
    public static SourceBoundaries boundaries() {
        // the SFTP tests write their known_hosts into their own temporary folders
        return SourceBoundaries.closed(shared("")).withFileRoots(shared(""))
                .withKnownHostsDirs(Path.of(System.getProperty("java.io.tmpdir")))
                .withAllowedHosts(HOSTS.toArray(String[]::new))
                .withConnections("java:/jdbc/crm", "java:/jdbc/pbxware", "java:/crm", "java:/pbx")
                .withCredentialHosts(Map.of("pbx-sftp", HOSTS, "survey-token", HOSTS, "qualtrics-token", HOSTS));
    }

    /** The folder of the unchanged copies of ../shared/data, e.g. {@code shared("ivr")}. */
    public static Path shared(String folder) {
        URL url = TestSources.class.getResource("/shared-data/" + folder);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A definition that must be valid; relative folders are taken from the shared data folder, and a
     * definition without a transport gets its ivr folder as its file drop (formats do not care).
     */
    public static SourceDefinition definition(String json) {
        String complete = json.contains("\"transport\"") ? json
                : json.replaceFirst("\\{", "{\"transport\": {\"type\": \"file\", \"directory\": \"ivr\"},");
        SourceDefinitions.Parsed parsed = SourceDefinitions.parse("test.json", complete, shared(""),
                FormatCatalog.standard(), boundaries());
        assertThat(parsed.problems()).as("problems of the test definition").isEmpty();
        return parsed.definition().orElseThrow();
    }

    /** The format a definition names, matching customers in {@code directory}. */
    public static IntakeFormat format(SourceDefinition definition, CustomerDirectory directory) {
        try {
            return FormatCatalog.standard().bind(definition, directory);
        } catch (DefinitionException e) {
            throw new AssertionError(e.field() + ": " + e.getMessage(), e);
        }
    }

    public static IntakeFormat format(String definitionJson) {
        return format(definition(definitionJson), CustomerDirectory.NONE);
    }

    /** Reads a shared real-world file, e.g. {@code readShared(format, "ivr/anonymous_bank_1999-02-01.tsv")}. */
    public static IntakeBatch readShared(IntakeFormat format, String file) {
        Path path = shared("").resolve(file);
        try (InputStream content = Files.newInputStream(path)) {
            return format.read(path.getFileName().toString(), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IntakeBatch read(IntakeFormat format, String text) {
        return read(format, text.getBytes(StandardCharsets.UTF_8));
    }

    public static IntakeBatch read(IntakeFormat format, byte[] bytes) {
        return read(format, "delivered.csv", bytes);
    }

    public static IntakeBatch read(IntakeFormat format, String fileName, byte[] bytes) {
        try {
            return format.read(fileName, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The batch's records as the type its format makes. */
    public static <R extends CanonicalRecord> List<R> records(IntakeBatch batch, Class<R> type) {
        return batch.records().stream().map(type::cast).toList();
    }

    /** Lines joined with LF, the last one ended too. */
    public static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
