package org.rapport.integration.source;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.quartz.CronExpression;

import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.Completeness;
import org.rapport.integration.FormatCatalog;

/** Turns one parsed definition into a {@link SourceDefinition}, or into the problems that stop it. */
final class DefinitionParser {

    private static final Set<String> TOP_LEVEL = Set.of("name", "description", "kind", "transport", "schedule",
            "format", "fields", "values", "timeZone", "charset", "customerMatch", "companion", "options", "readiness");
    /** The ledger keeps source names of up to 128 characters; they also name folders and routes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** Six or seven fields of what Quartz's cron syntax uses: digits, names, {@code * ? , / - # L W}. */
    private static final Pattern CRON_FIELDS = Pattern.compile("[0-9A-Za-z*?,/#-]+( [0-9A-Za-z*?,/#-]+){5,6}");

    private final FormatCatalog catalog;
    private final DefinitionReader reader;
    private final Path baseDir;
    private final SourceBoundaries boundaries;
    private final Path file;

    DefinitionParser(FormatCatalog catalog, DefinitionReader reader, Path baseDir, SourceBoundaries boundaries,
            Path file) {
        this.catalog = catalog;
        this.reader = reader;
        this.baseDir = baseDir;
        this.boundaries = boundaries;
        this.file = file;
    }

    /** The definition, or empty when the reader noted problems. */
    Optional<SourceDefinition> parse(JsonNode root) {
        if (!root.isObject()) {
            reader.problem(null, "a definition is one JSON object ({ … }), not " + DefinitionReader.describe(root));
            return Optional.empty();
        }
        reader.onlyKnownKeys(root, null, TOP_LEVEL);
        String name = name(root);
        SourceKind kind = kind(root);
        SourceFormat format = format(root, kind);
        Charset charset = charset(root);
        ZoneId zone = zone(root);
        CustomerMatch match = customerMatch(root);
        Completeness readiness = readiness(root);
        Schedule schedule = schedule(root);
        TransportParser transports = new TransportParser(reader, baseDir, boundaries, name);
        Transport transport = transports.parse(root);
        MappingParser mappings = new MappingParser(reader, format == null || kind == null ? null
                : format.fields().apply(kind));
        Map<String, FieldSource> fields = mappings.fields(root);
        Map<String, Map<String, String>> values = mappings.values(root);
        Map<String, String> options = mappings.options(root, format == null ? null : format.options());
        Companion companion = new CompanionParser(reader, transports).parse(root, format);
        if (reader.hasProblems()) {
            return Optional.empty();
        }
        SourceDefinition definition = new SourceDefinition(name, kind, transport, schedule, format.id(), fields, values,
                zone, charset, match, companion, options, readiness, file);
        try {
            // Binding checks what only the format knows: its options, the fields it cannot do without.
            format.binder().bind(definition, CustomerDirectory.NONE);
        } catch (DefinitionException e) {
            reader.problem(e.field(), e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            // a format's own fault must not stop the other definitions from loading
            reader.problem("format", "format '" + format.id() + "' could not be set up for this definition: " + e);
            return Optional.empty();
        }
        return Optional.of(definition);
    }

    private String name(JsonNode root) {
        String name = reader.text(root, null, "name", true);
        if (name != null && !NAME.matcher(name).matches()) {
            reader.problem("name", "'" + name + "' is not a source name: letters, digits, '.', '_' and '-', "
                    + "starting with a letter or digit, at most 128");
            return null;
        }
        return name;
    }

    private SourceKind kind(JsonNode root) {
        String kind = reader.text(root, null, "kind", true);
        if (kind == null) {
            return null;
        }
        String constant = kind.toUpperCase(Locale.ROOT).replace('-', '_');
        for (SourceKind candidate : SourceKind.values()) {
            if (candidate.name().equals(constant)) {
                return candidate;
            }
        }
        reader.problem("kind", "'" + kind + "' is not a kind; use one of " + Arrays.stream(SourceKind.values())
                .map(DefinitionParser::label).collect(Collectors.joining(", ")));
        return null;
    }

    private SourceFormat format(JsonNode root, SourceKind kind) {
        String id = reader.text(root, null, "format", true);
        if (id == null) {
            return null;
        }
        Optional<SourceFormat> format = catalog.find(id);
        if (format.isEmpty()) {
            reader.problem("format", "'" + id + "' is not a known format; known are " + String.join(", ", catalog.ids()));
            return null;
        }
        if (kind != null && !format.get().kinds().contains(kind)) {
            reader.problem("format", "'" + id + "' delivers " + format.get().kinds().stream()
                    .map(DefinitionParser::label).sorted().collect(Collectors.joining(" or "))
                    + ", not " + label(kind));
            return null;
        }
        return format.get();
    }

    private Charset charset(JsonNode root) {
        String name = reader.text(root, null, "charset", false);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            reader.problem("charset", "'" + name + "' is not a known character set (e.g. UTF-8, windows-1251, ISO-8859-1)");
            return null;
        }
    }

    private ZoneId zone(JsonNode root) {
        String name = reader.text(root, null, "timeZone", true);
        if (name == null) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            reader.problem("timeZone", "'" + name + "' is not a known time zone (e.g. Europe/London, America/New_York, UTC)");
            return null;
        }
    }

    private Completeness readiness(JsonNode root) {
        String rule = reader.text(root, null, "readiness", false);
        if (rule == null) {
            return null;
        }
        try {
            return Completeness.parse(rule);
        } catch (IllegalArgumentException e) {
            reader.problem("readiness", e.getMessage());
            return null;
        }
    }

    private CustomerMatch customerMatch(JsonNode root) {
        String label = reader.text(root, null, "customerMatch", false);
        if (label == null) {
            return CustomerMatch.CUSTOMER_ID;
        }
        return CustomerMatch.fromLabel(label).orElseGet(() -> {
            reader.problem("customerMatch", "'" + label + "' is not a way to match customers; use "
                    + Arrays.stream(CustomerMatch.values()).map(CustomerMatch::label).collect(Collectors.joining(", ")));
            return null;
        });
    }

    private Schedule schedule(JsonNode root) {
        String schedule = reader.text(root, null, "schedule", false);
        if (schedule == null) {
            return null;
        }
        if (schedule.startsWith("P") || schedule.startsWith("p")) {
            try {
                Duration interval = Duration.parse(schedule);
                if (!interval.isNegative() && !interval.isZero()) {
                    return new Schedule(interval, null);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        } else if (CRON_FIELDS.matcher(schedule).matches()) {
            try {
                // checked by the scheduler that will run it
                new CronExpression(schedule);
                return new Schedule(null, schedule);
            } catch (ParseException e) {
                reader.problem("schedule", "'" + schedule + "' is not a Quartz cron expression: " + e.getMessage()
                        + " (e.g. 0 0 2 * * ? for 02:00 every day)");
                return null;
            }
        }
        reader.problem("schedule", "'" + schedule + "' is neither an interval (PT15M) nor a cron expression "
                + "with 6 or 7 fields (0 0 2 * * ?)");
        return null;
    }

    static String label(SourceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads {@code companion}: only formats that join a second file take one. */
    private static final class CompanionParser {
        private final DefinitionReader reader;
        private final TransportParser transports;

        CompanionParser(DefinitionReader reader, TransportParser transports) {
            this.reader = reader;
            this.transports = transports;
        }

        Companion parse(JsonNode root, SourceFormat format) {
            boolean wanted = format != null && format.companion();
            JsonNode node = reader.object(root, null, "companion", wanted);
            if (node == null) {
                return null;
            }
            if (!wanted) {
                if (format != null) {
                    reader.problem("companion", "format '" + format.id() + "' takes no companion file");
                }
                return null;
            }
            reader.onlyKnownKeys(node, "companion", Set.of("file", "match", "directory", "joinOn"));
            String file = fileName(reader.text(node, "companion", "file", true));
            Pattern match = pattern(reader.text(node, "companion", "match", false));
            Path directory = transports.confinedDirectory(node, "companion", "directory", false);
            JsonNode joinOn = reader.object(node, "companion", "joinOn", false);
            String mainKey = null;
            String companionKey = null;
            if (joinOn != null) {
                reader.onlyKnownKeys(joinOn, "companion.joinOn", Set.of("main", "companion"));
                mainKey = reader.text(joinOn, "companion.joinOn", "main", true);
                companionKey = reader.text(joinOn, "companion.joinOn", "companion", true);
            }
            return file == null ? null : new Companion(file, match, directory, mainKey, companionKey);
        }

        /** The companion is beside the delivered file or in its own folder: a name, never a way elsewhere. */
        private String fileName(String name) {
            if (name != null && (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals(".."))) {
                reader.problem("companion.file", "'" + name + "' is a file name, not a path: the companion is "
                        + "read from companion.directory or the transport's folder");
                return null;
            }
            return name;
        }

        private Pattern pattern(String regex) {
            if (regex == null) {
                return null;
            }
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                reader.problem("companion.match", "'" + regex + "' is not a regular expression: " + e.getDescription());
                return null;
            }
        }
    }
}
