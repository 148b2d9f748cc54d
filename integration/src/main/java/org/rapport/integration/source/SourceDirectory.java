package org.rapport.integration.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.rapport.integration.FormatCatalog;

/**
 * The sources directory as the REST API edits it: one {@code <name>.json} per source. A definition
 * is written only once it parsed without a problem, and written whole (a temporary file renamed into
 * place), so the running intake never reads half a file or a broken one that replaced a good one.
 * Thread-safe as far as the file system is: callers serialise writes.
 */
public final class SourceDirectory {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final FormatCatalog catalog;
    private final SourceBoundaries boundaries;

    /** @param boundaries where the definitions may reach; one reaching further is refused */
    public SourceDirectory(Path dir, FormatCatalog catalog, SourceBoundaries boundaries) {
        this.dir = dir;
        this.catalog = catalog;
        this.boundaries = boundaries;
    }

    public Path path() {
        return dir;
    }

    /** Every definition in the directory, with what is wrong with the others. */
    public SourceDefinitions load() {
        return SourceDefinitions.load(dir, catalog, boundaries);
    }

    /** The definition of source {@code name} as its file holds it, comments included. */
    public Optional<String> text(String name) throws IOException {
        Optional<Path> file = fileOf(name);
        return file.isPresent() ? Optional.of(Files.readString(file.get(), StandardCharsets.UTF_8)) : Optional.empty();
    }

    /**
     * Checks a definition and, when it has no problem, writes it as the definition of source
     * {@code name}, replacing the earlier one. The name in the document must be {@code name}.
     *
     * @return the problems; empty when the definition was written
     */
    public List<DefinitionProblem> save(String name, String json) throws IOException {
        String shown = dir.getFileName() + "/" + name + SUFFIX;
        if (!NAME.matcher(name).matches()) {
            return List.of(new DefinitionProblem(shown, "name", "'" + name
                    + "' is not a source name: letters, digits, '.', '_' and '-', starting with a letter or digit"));
        }
        SourceDefinitions.Parsed parsed = SourceDefinitions.parse(name + SUFFIX, json, dir, catalog, boundaries);
        List<DefinitionProblem> problems = new ArrayList<>();
        // named as the directory listing names them, so both ways of editing read alike
        parsed.problems().forEach(problem -> problems.add(new DefinitionProblem(shown, problem.field(),
                problem.message())));
        parsed.definition().filter(definition -> !definition.name().equals(name)).ifPresent(definition -> problems.add(
                new DefinitionProblem(shown, "name", "is '" + definition.name() + "' but the definition was sent for '"
                        + name + "'")));
        Optional<Path> existing = fileOf(name);
        Path target = dir.resolve(name + SUFFIX);
        if (existing.isPresent() && !existing.get().equals(target)) {
            problems.add(new DefinitionProblem(shown, "name", "'" + name + "' is already defined in "
                    + existing.get().getFileName() + "; edit that file or remove it first"));
        }
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + name, ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return List.of();
    }

    /** Removes source {@code name}'s definition; its delivered data stays in the store. */
    public boolean delete(String name) throws IOException {
        Optional<Path> file = fileOf(name);
        return file.isPresent() && Files.deleteIfExists(file.get());
    }

    /** The file that defines source {@code name}, whatever it is called. */
    private Optional<Path> fileOf(String name) {
        return load().named(name).map(SourceDefinition::file);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
