package org.rapport.integration.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.rapport.integration.FormatCatalog;

/**
 * The source definitions of a sources directory: one JSON file per source ({@code *.json}), the
 * same document the REST API takes. JSON rather than YAML so that a file and a REST body are one
 * format with one parser (Jackson, which WildFly ships); comments ({@code //}, {@code /* *}{@code /})
 * and trailing commas are allowed because people edit these files by hand and should say why a
 * mapping is what it is.
 *
 * <p>Loading never stops at the first mistake: every file is read, and each problem names the file
 * and the field. A file with a problem gives no definition; the others still load.
 *
 * @param definitions the valid definitions, by file name
 * @param problems    what is wrong with the others
 */
public record SourceDefinitions(List<SourceDefinition> definitions, List<DefinitionProblem> problems) {

    private static final String SUFFIX = ".json";
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA)
            // a key given twice is a mistake, not "the last one wins"
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public SourceDefinitions {
        definitions = List.copyOf(definitions);
        problems = List.copyOf(problems);
    }

    /**
     * Loads every definition in {@code dir} against the standard formats, within the boundaries of a
     * fresh installation whose data directory holds {@code dir} (see {@link SourceBoundaries#closed}).
     */
    public static SourceDefinitions load(Path dir) {
        return load(dir, FormatCatalog.standard(), SourceBoundaries.closed(dataDirOf(dir)));
    }

    /**
     * Loads every definition in {@code dir}; relative folders in them are taken from {@code dir}, and
     * a definition reaching beyond {@code boundaries} is refused.
     */
    public static SourceDefinitions load(Path dir, FormatCatalog catalog, SourceBoundaries boundaries) {
        String shownDir = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        if (!Files.isDirectory(dir)) {
            return new SourceDefinitions(List.of(), List.of(new DefinitionProblem(shownDir, null,
                    "the sources directory " + dir.toAbsolutePath() + " does not exist or is not a directory")));
        }
        List<SourceDefinition> definitions = new ArrayList<>();
        List<DefinitionProblem> problems = new ArrayList<>();
        Map<String, String> fileByName = new HashMap<>();
        for (Path file : files(dir, shownDir, problems)) {
            String shown = shownDir + "/" + file.getFileName();
            if (!file.getFileName().toString().endsWith(SUFFIX)) {
                problems.add(new DefinitionProblem(shown, null, "is not a .json file: source definitions are JSON"));
                continue;
            }
            Parsed parsed = read(shown, file, dir, catalog, boundaries);
            problems.addAll(parsed.problems());
            parsed.definition().ifPresent(definition -> {
                String earlier = fileByName.putIfAbsent(definition.name(), shown);
                if (earlier == null) {
                    definitions.add(definition);
                } else {
                    problems.add(new DefinitionProblem(shown, "name", "'" + definition.name()
                            + "' is already the name of the source in " + earlier));
                }
            });
        }
        return new SourceDefinitions(definitions, problems);
    }

    /**
     * Reads one definition given as text, as the REST API receives it.
     *
     * @param shownName how the definition is named in problems
     * @param baseDir   where relative folders are taken from
     * @param boundaries where the definition may reach
     */
    public static Parsed parse(String shownName, String json, Path baseDir, FormatCatalog catalog,
            SourceBoundaries boundaries) {
        return parse(shownName, json, baseDir, baseDir.resolve(shownName), catalog, boundaries);
    }

    /** The data directory of a sources directory laid out as the server lays it out: {@code <data>/sources}. */
    static Path dataDirOf(Path sourcesDir) {
        Path absolute = sourcesDir.toAbsolutePath().normalize();
        return absolute.getParent() == null ? absolute : absolute.getParent();
    }

    /** The definition named {@code name}. */
    public Optional<SourceDefinition> named(String name) {
        return definitions.stream().filter(definition -> definition.name().equals(name)).findFirst();
    }

    private static Parsed read(String shown, Path file, Path dir, FormatCatalog catalog, SourceBoundaries boundaries) {
        try {
            return parse(shown, Files.readString(file), dir, file, catalog, boundaries);
        } catch (IOException e) {
            return Parsed.failed(shown, "cannot be read: " + e.getMessage());
        }
    }

    private static Parsed parse(String shown, String json, Path dir, Path file, FormatCatalog catalog,
            SourceBoundaries boundaries) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return Parsed.failed(shown, "is not valid JSON" + (at == null ? "" : " at line " + at.getLineNr()
                    + ", column " + at.getColumnNr()) + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return Parsed.failed(shown, "is empty: a definition is one JSON object");
        }
        DefinitionReader reader = new DefinitionReader(shown);
        Optional<SourceDefinition> definition = new DefinitionParser(catalog, reader, dir, boundaries, file).parse(root);
        return new Parsed(definition, reader.problems());
    }

    private static List<Path> files(Path dir, String shownDir, List<DefinitionProblem> problems) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isRegularFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(new DefinitionProblem(shownDir, null, "the sources directory cannot be listed: " + e));
            return List.of();
        }
    }

    /** One definition read: the definition when valid, and the problems found. */
    public record Parsed(Optional<SourceDefinition> definition, List<DefinitionProblem> problems) {

        public Parsed {
            problems = List.copyOf(problems);
        }

        static Parsed failed(String shown, String message) {
            return new Parsed(Optional.empty(), List.of(new DefinitionProblem(shown, null, message)));
        }
    }
}
