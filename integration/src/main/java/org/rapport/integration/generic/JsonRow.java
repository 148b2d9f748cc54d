package org.rapport.integration.generic;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.FieldRow;
import org.rapport.integration.mapping.FieldMap;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.FieldSource;

/**
 * One JSON object read by canonical field: each field is a JSON pointer ({@code /customer/id}) or a
 * property name ({@code id}); a field the mapping leaves out is read from a property of its own
 * name. Numbers and booleans are read as their text. Not thread-safe.
 */
final class JsonRow extends FieldRow {

    private final JsonNode object;
    private final Map<String, FieldSource> sources;
    private final CustomerMatcher matcher;

    JsonRow(long line, JsonNode object, Map<String, FieldSource> sources, FieldConventions conventions,
            CustomerMatcher matcher) {
        super(line, conventions);
        this.object = object;
        this.sources = sources;
        this.matcher = matcher;
    }

    @Override
    protected String raw(String field) throws BadFieldException {
        FieldSource source = sources.get(field);
        String value;
        if (source instanceof FieldSource.Constant constant) {
            value = constant.value();
        } else {
            List<String> references = source == null ? List.of(field) : ((FieldSource.Columns) source).references();
            value = joined(references);
        }
        return field.equals(FieldMap.CUSTOMER) ? matcher.customerRef(value) : value;
    }

    @Override
    protected String label(String field) {
        FieldSource source = sources.get(field);
        return source == null ? pointer(field).toString() : source.toString();
    }

    private String joined(List<String> references) throws BadFieldException {
        StringBuilder value = new StringBuilder();
        for (String reference : references) {
            JsonNode node = object.at(pointer(reference));
            if (node.isContainerNode()) {
                throw new BadFieldException(reference, "is " + (node.isArray() ? "a list" : "an object")
                        + ", a single value is needed: point at the value inside it");
            }
            if (!node.isMissingNode() && !node.isNull() && !node.asText().isBlank()) {
                value.append(value.length() == 0 ? "" : " ").append(node.asText().strip());
            }
        }
        return value.toString();
    }

    /** A reference starting with / is a JSON pointer; anything else names a property of the object. */
    static JsonPointer pointer(String reference) {
        return reference.startsWith("/") ? JsonPointer.compile(reference)
                : JsonPointer.compile("/" + reference.replace("~", "~0").replace("/", "~1"));
    }
}
