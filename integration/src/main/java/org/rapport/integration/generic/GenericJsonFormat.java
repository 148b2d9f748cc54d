package org.rapport.integration.generic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.NotTextException;
import org.rapport.integration.csv.SourceTextReader;
import org.rapport.integration.mapping.KindMapping;
import org.rapport.integration.mapping.MappedCsvFormat.Preset;
import org.rapport.integration.mapping.SeenReferences;
import org.rapport.integration.source.CanonicalFields;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;

/**
 * JSON records of any kind mapped field by field ({@code generic-json}): a file holding one array
 * of objects, an object whose {@code items} property (an option) holds that array — the shape of a
 * page of a REST API — or JSON lines, one object per line. Objects are parsed one at a time with
 * Jackson's streaming parser, so a file is never held whole. A bad object is quarantined with its
 * line; in JSON lines the next line is read, while in an array, where the parser cannot find the
 * next object after broken syntax, the rest of the file is quarantined and what came before kept.
 */
public final class GenericJsonFormat implements IntakeFormat {

    public static final SourceFormat FORMAT = new SourceFormat("generic-json", EnumSet.allOf(SourceKind.class),
            CanonicalFields::of, options(), false, GenericJsonFormat::new);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WHOLE_RECORD = QuarantinedRow.WHOLE_RECORD;

    private final SourceDefinition definition;
    private final KindMapping kind;
    private final FieldConventions conventions;
    private final CustomerMatcher matcher;
    private final String items;

    GenericJsonFormat(SourceDefinition definition, CustomerDirectory directory) throws DefinitionException {
        this.definition = definition;
        this.kind = KindMapping.of(definition.kind());
        this.conventions = definition.conventions(Preset.ISO_DATE, Preset.ISO_DATE_TIME);
        this.matcher = definition.customerMatcher(directory);
        this.items = definition.option("items").orElse(null);
    }

    @Override
    public SourceKind kind() {
        return definition.kind();
    }

    @Override
    public String source() {
        return definition.name();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        Reading reading = new Reading(new BatchCollector(sink));
        // Closing the text reader leaves the delivered stream open: its owner closes it.
        try (BufferedReader text = new BufferedReader(new SourceTextReader(content, definition.charset()))) {
            return reading.read(text);
        } catch (NotTextException e) {
            return new QuarantinedRow(e.line(), WHOLE_RECORD, e.getMessage(), "");
        }
    }

    private static Set<String> options() {
        Set<String> options = new HashSet<>(SourceFormat.DATE_OPTIONS);
        options.add("items");
        return options;
    }

    /** One file being read. */
    private final class Reading {
        private final BatchCollector out;
        private final SeenReferences seen = new SeenReferences(kind.noun());
        private long skippedLines;

        Reading(BatchCollector out) {
            this.out = out;
        }

        /** Null, or why the file is refused as a whole. */
        QuarantinedRow read(BufferedReader text) throws IOException {
            int first = firstCharacter(text);
            if (first < 0) {
                return new QuarantinedRow(1, WHOLE_RECORD, "file is empty: no JSON", "");
            }
            if (first == '[' || (first == '{' && items != null)) {
                readArray(JSON.getFactory().createParser(text));
                return null;
            }
            readLines(text, skippedLines);
            return null;
        }

        /** JSON lines: each line on its own, so one bad line costs only itself. */
        private void readLines(BufferedReader text, long linesBefore) throws IOException {
            long line = linesBefore;
            for (String jsonLine = text.readLine(); jsonLine != null; jsonLine = text.readLine()) {
                line++;
                if (jsonLine.isBlank()) {
                    continue;
                }
                try {
                    map(line, JSON.readTree(jsonLine), jsonLine);
                } catch (JsonProcessingException e) {
                    out.quarantine(line, WHOLE_RECORD, "not valid JSON: " + e.getOriginalMessage(), jsonLine);
                }
            }
        }

        private void readArray(JsonParser parser) throws IOException {
            long line = 1;
            try {
                if (parser.nextToken() == JsonToken.START_OBJECT && !toItems(parser)) {
                    out.quarantine(1, WHOLE_RECORD, "the object has no array '" + items + "' of records", "");
                    return;
                }
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null;
                        token = parser.nextToken()) {
                    line = skippedLines + parser.currentTokenLocation().getLineNr();
                    JsonNode element = JSON.readTree(parser);
                    map(line, element, element.toString());
                }
            } catch (JsonProcessingException e) {
                out.quarantine(line, WHOLE_RECORD, "not valid JSON from here to the end of the file: "
                        + e.getOriginalMessage(), "");
            }
        }

        /** Moves the parser into the array of the {@code items} property; false when there is none. */
        private boolean toItems(JsonParser parser) throws IOException {
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(items) && value == JsonToken.START_ARRAY) {
                    return true;
                }
                parser.skipChildren();
            }
            return false;
        }

        private void map(long line, JsonNode element, String rawText) {
            if (!element.isObject()) {
                out.quarantine(line, WHOLE_RECORD, "a record must be a JSON object, not " + element.getNodeType()
                        .name().toLowerCase(Locale.ROOT), rawText);
                return;
            }
            try {
                CanonicalRecord record = kind.mapper().map(new JsonRow(line, element, definition.fields(),
                        conventions, matcher));
                String reference = KindMapping.referenceOf(record);
                if (reference != null) {
                    seen.note(kind.reference(), reference, line);
                }
                out.add(record);
            } catch (BadFieldException e) {
                out.quarantine(line, e.field(), e.reason(), rawText);
            }
        }

        /** Peeks at the first character that is not white space; counts the lines it passes. */
        private int firstCharacter(BufferedReader text) throws IOException {
            while (true) {
                text.mark(1);
                int character = text.read();
                if (character < 0 || !Character.isWhitespace(character)) {
                    text.reset();
                    return character;
                }
                if (character == '\n') {
                    skippedLines++;
                }
            }
        }
    }
}
