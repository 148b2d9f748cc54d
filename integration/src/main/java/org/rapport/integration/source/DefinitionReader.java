package org.rapport.integration.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks one parsed definition and notes every problem with the path of the field at fault, so a
 * file with three mistakes gets three messages in one go. Not thread-safe: one per file.
 */
final class DefinitionReader {

    private final String file;
    private final List<DefinitionProblem> problems = new ArrayList<>();
    /** Every field the parser asked for, by path, and whether it had to be there: what a definition can say. */
    private final Map<String, Boolean> read = new LinkedHashMap<>();

    DefinitionReader(String file) {
        this.file = file;
    }

    List<DefinitionProblem> problems() {
        return problems;
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void problem(String field, String message) {
        problems.add(new DefinitionProblem(file, field, message));
    }

    /** The fields asked for so far, by path, each with whether it is required; in the order they were read. */
    Map<String, Boolean> fieldsRead() {
        return read;
    }

    private void reading(String field, boolean required) {
        read.merge(field, required, Boolean::logicalOr);
    }

    /** A text field; null (and a problem when required) when absent or not text. */
    String text(JsonNode object, String path, String key, boolean required) {
        JsonNode node = object.get(key);
        String field = join(path, key);
        reading(field, required);
        if (node == null || node.isNull()) {
            if (required) {
                problem(field, "is missing");
            }
            return null;
        }
        if (!node.isValueNode() || node.isBinary()) {
            problem(field, "must be a text value, not " + describe(node));
            return null;
        }
        String value = node.asText().strip();
        if (value.isEmpty()) {
            if (required) {
                problem(field, "is blank");
            }
            return null;
        }
        return value;
    }

    /** An object field; null (and a problem when required or not an object) otherwise. */
    JsonNode object(JsonNode parent, String path, String key, boolean required) {
        JsonNode node = parent.get(key);
        String field = join(path, key);
        reading(field, required);
        if (node == null || node.isNull()) {
            if (required) {
                problem(field, "is missing");
            }
            return null;
        }
        if (!node.isObject()) {
            problem(field, "must be an object ({ … }), not " + describe(node));
            return null;
        }
        return node;
    }

    /** The text values of an object field, in file order. */
    Map<String, String> texts(JsonNode object, String path) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            String value = text(object, path, name, true);
            if (value != null) {
                texts.put(name, value);
            }
        }
        return texts;
    }

    /** Notes each key of {@code object} that is not in {@code known}. */
    void onlyKnownKeys(JsonNode object, String path, Set<String> known) {
        new TreeSet<>(known).forEach(key -> reading(join(path, key), false));
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problem(join(path, name), "is not a known field here; known are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    static String join(String path, String key) {
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        return node.isArray() ? "a list" : "'" + node.asText() + "'";
    }
}
