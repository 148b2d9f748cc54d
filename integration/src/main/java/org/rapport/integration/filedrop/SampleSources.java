package org.rapport.integration.filedrop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The samples' own sources: a real-format source (e.g. a regulator's complaints register) needs a
 * definition saying how to read it, so a samples folder may hold {@code sources/<name>.json} beside a
 * folder {@code <name>/} of its files. On a first start each definition is copied into the sources
 * directory and its files into the intake folder {@code <intake>/<name>}, the folder the definition
 * reads; the definition's {@code name} is its file's name. A definition the installation already has
 * is left as it is, with its folder.
 */
final class SampleSources {

    /** The samples' folder of definitions, and the sources directory's name beside the intake folder. */
    static final String SOURCES = "sources";
    private static final String DEFINITION = ".json";
    /** As a source name may be (see the source definitions), so a name is a folder name and nothing more. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private SampleSources() {
    }

    /** Copies the samples' definitions and their files; returns how many files were copied. */
    static int copy(Path samples, Path sourcesDir, Path intakeDir) throws IOException {
        Path definitions = samples.resolve(SOURCES);
        if (!Files.isDirectory(definitions)) {
            return 0;
        }
        int copied = 0;
        try (var entries = Files.list(definitions)) {
            for (Path definition : entries.sorted().toList()) {
                String file = definition.getFileName().toString();
                String name = file.endsWith(DEFINITION) ? file.substring(0, file.length() - DEFINITION.length()) : "";
                if (!Files.isRegularFile(definition) || !NAME.matcher(name).matches() || name.contains("..")
                        || Files.exists(sourcesDir.resolve(file))) {
                    continue;
                }
                // the files first: the definition names their folder, which must exist when it is read
                Path inbox = Files.createDirectories(intakeDir.resolve(name));
                copied += SampleSeeder.copy(samples.resolve(name), inbox);
                Files.createDirectories(sourcesDir);
                Files.copy(definition, sourcesDir.resolve(file));
                copied++;
            }
        }
        return copied;
    }
}
