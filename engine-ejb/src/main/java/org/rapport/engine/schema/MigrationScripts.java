package org.rapport.engine.schema;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The migration scripts of one database: those under {@code db/migration/common} and those of its own
 * vendor folder, as listed in {@code db/migration/scripts.txt}. Listed rather than scanned, so that Flyway
 * finds them the same way in a test, on the command line and inside a WAR on WildFly's virtual file system.
 */
final class MigrationScripts implements ResourceProvider {

    static final String ROOT = "db/migration/";
    static final String LIST = ROOT + "scripts.txt";

    private final List<Script> scripts;

    private MigrationScripts(List<Script> scripts) {
        this.scripts = scripts;
    }

    /** The scripts for {@code vendor} ({@code h2} or {@code postgresql}), read with {@code classLoader}. */
    static MigrationScripts of(String vendor, ClassLoader classLoader) {
        return new MigrationScripts(listed(classLoader).stream()
                .filter(path -> path.startsWith("common/") || path.startsWith(vendor + "/"))
                .map(path -> new Script(path, classLoader))
                .toList());
    }

    /** Every script named in the list, each as a path below {@code db/migration/}. */
    static List<String> listed(ClassLoader classLoader) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(LIST, classLoader),
                StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.stream().filter(script -> script.getRelativePath().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.stream()
                .filter(script -> script.getFilename().startsWith(prefix))
                .filter(script -> Arrays.stream(suffixes).anyMatch(script.getFilename()::endsWith))
                .map(LoadableResource.class::cast)
                .toList();
    }

    private static InputStream open(String path, ClassLoader classLoader) {
        InputStream stream = classLoader.getResourceAsStream(path);
        if (stream == null) {
            throw new SchemaMigrationException("The migration script " + path + " is missing from the application");
        }
        return stream;
    }

    /** One listed script; its path below {@code db/migration/} is what the schema history records. */
    private static final class Script extends LoadableResource {

        private final String path;
        private final ClassLoader classLoader;

        Script(String path, ClassLoader classLoader) {
            this.path = path;
            this.classLoader = classLoader;
        }

        @Override
        public Reader read() {
            return new InputStreamReader(open(ROOT + path, classLoader), StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return ROOT + path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return ROOT + path;
        }

        @Override
        public String getFilename() {
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String getRelativePath() {
            return path;
        }
    }
}
