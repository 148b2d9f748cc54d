package org.rapport.integration.source;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads a definition's {@code fields}, {@code values} and {@code options} against what its format accepts. */
final class MappingParser {

    private final DefinitionReader reader;
    /** The fields the format takes for the definition's kind; null when the format or kind is unknown. */
    private final Set<String> knownFields;

    MappingParser(DefinitionReader reader, Set<String> knownFields) {
        this.reader = reader;
        this.knownFields = knownFields;
    }

    /** Canonical field to source: a column, a list of columns, or {@code {"constant": …}}. */
    Map<String, FieldSource> fields(JsonNode root) {
        Map<String, FieldSource> fields = new LinkedHashMap<>();
        JsonNode node = reader.object(root, null, "fields", false);
        if (node == null) {
            return fields;
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = node.fields(); entries.hasNext();) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String path = "fields." + entry.getKey();
            if (isKnownField(path, entry.getKey())) {
                FieldSource source = fieldSource(path, entry.getValue());
                if (source != null) {
                    fields.put(entry.getKey(), source);
                }
            }
        }
        return fields;
    }

    /** Per field, source word (lower case, as matching ignores case) to canonical word. */
    Map<String, Map<String, String>> values(JsonNode root) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        JsonNode node = reader.object(root, null, "values", false);
        if (node == null) {
            return values;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String field = names.next();
            String path = "values." + field;
            JsonNode words = reader.object(node, "values", field, true);
            if (words == null || !isKnownField(path, field)) {
                continue;
            }
            Map<String, String> mapped = new LinkedHashMap<>();
            reader.texts(words, path).forEach((word, target) -> {
                CanonicalFields.checkTarget(field, target)
                        .ifPresent(problem -> reader.problem(DefinitionReader.join(path, word), problem));
                mapped.put(word.strip().toLowerCase(Locale.ROOT), target);
            });
            values.put(field, mapped);
        }
        return values;
    }

    /** The format's options as text; keys the format does not read are problems. */
    Map<String, String> options(JsonNode root, Set<String> knownOptions) {
        JsonNode node = reader.object(root, null, "options", false);
        if (node == null) {
            return Map.of();
        }
        if (knownOptions != null) {
            if (knownOptions.isEmpty() && node.size() > 0) {
                reader.problem("options", "this format takes no options");
                return Map.of();
            }
            reader.onlyKnownKeys(node, "options", knownOptions);
        }
        return reader.texts(node, "options");
    }

    private boolean isKnownField(String path, String field) {
        if (knownFields == null || knownFields.contains(field)) {
            return true;
        }
        reader.problem(path, knownFields.isEmpty() ? "this format maps its fields itself; none can be set"
                : "is not a field this format takes; known are " + String.join(", ", new TreeSet<>(knownFields)));
        return false;
    }

    private FieldSource fieldSource(String path, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            return column(path, value.asText().strip()) ? FieldSource.Columns.of(value.asText().strip()) : null;
        }
        if (value.isArray() && value.size() > 0) {
            List<String> columns = new ArrayList<>();
            for (JsonNode element : value) {
                if (!element.isTextual() || element.asText().isBlank()) {
                    reader.problem(path, "a list of columns holds only column names, not " + DefinitionReader.describe(element));
                    return null;
                }
                if (!column(path, element.asText().strip())) {
                    return null;
                }
                columns.add(element.asText().strip());
            }
            return new FieldSource.Columns(columns);
        }
        if (value.isObject() && value.size() == 1 && value.has("constant") && value.get("constant").isValueNode()) {
            return new FieldSource.Constant(value.get("constant").asText());
        }
        reader.problem(path, "must be a column name, a list of column names or {\"constant\": value}, not "
                + DefinitionReader.describe(value));
        return null;
    }

    /** A {@code #n} reference must name a column by its position, 1 or more. */
    private boolean column(String path, String reference) {
        if (reference.startsWith("#") && !reference.substring(1).matches("[1-9]\\d{0,3}")) {
            reader.problem(path, "'" + reference + "' is not a column position; write #1 for the first column");
            return false;
        }
        return true;
    }
}
