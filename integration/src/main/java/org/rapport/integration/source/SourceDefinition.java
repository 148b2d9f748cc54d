package org.rapport.integration.source;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.Completeness;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.FieldConventions.Patterns;

/**
 * One source as its integration team configured it: what it delivers, how it arrives, in which
 * format, and how its fields and words map onto Rapport's canonical records. Checked when loaded
 * (see {@link SourceDefinitions}); immutable.
 *
 * @param name          the source's name in the intake ledger; unique
 * @param kind          what the source delivers
 * @param transport     how its data arrives
 * @param schedule      how often it is fetched, or null for the transport's default
 * @param format        the format id, e.g. {@code asterisk-cdr-csv}
 * @param fields        canonical field to where the source keeps it
 * @param values        per canonical field, source word (lower case) to canonical word
 * @param timeZone      the zone the source's local times are in, and epochs are turned into
 * @param charset       the encoding of its files
 * @param customerMatch what the source knows customers by
 * @param companion     the file joined to each delivered one, or null
 * @param options       format-specific settings, e.g. {@code dateTimeFormat}
 * @param readiness     what makes a month of this source complete, or null for its kind's default
 *                      (the installation's settings may still overrule it)
 * @param file          the definition file, for messages
 */
public record SourceDefinition(String name, SourceKind kind, Transport transport, Schedule schedule, String format,
        Map<String, FieldSource> fields, Map<String, Map<String, String>> values, ZoneId timeZone, Charset charset,
        CustomerMatch customerMatch, Companion companion, Map<String, String> options, Completeness readiness,
        Path file) {

    /** Words every source may use for true and false, beside any value mapping. */
    private static final Set<String> TRUE_WORDS = Set.of("true", "yes", "y", "1");
    private static final Set<String> FALSE_WORDS = Set.of("false", "no", "n", "0");

    public SourceDefinition {
        // in the file's order, so that problems are reported in the order they were written
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** A format-specific setting. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** Where a canonical field comes from: the definition's mapping, else the format's default. */
    public FieldSource field(String canonicalField, FieldSource formatDefault) {
        return fields.getOrDefault(canonicalField, formatDefault);
    }

    /**
     * The conventions this source writes values in: the {@code dateFormat} and {@code dateTimeFormat}
     * options when given, else the format's patterns; this definition's zone, value mappings and charset.
     */
    public FieldConventions conventions(Patterns defaultDate, Patterns defaultDateTime) throws DefinitionException {
        Patterns date = pattern("dateFormat", defaultDate);
        Patterns dateTime = pattern("dateTimeFormat", defaultDateTime);
        return new FieldConventions(date, dateTime, timeZone, values, TRUE_WORDS, FALSE_WORDS, charset.name());
    }

    private Patterns pattern(String option, Patterns defaultPatterns) throws DefinitionException {
        String pattern = options.get(option);
        if (pattern == null) {
            return defaultPatterns;
        }
        try {
            return Patterns.of(pattern);
        } catch (IllegalArgumentException e) {
            throw new DefinitionException("options." + option, "'" + pattern + "' is not a date pattern ("
                    + e.getMessage() + "); write it as in Java's DateTimeFormatter, e.g. dd/MM/yyyy HH:mm");
        }
    }

    /** A customer matcher for this source. */
    public CustomerMatcher customerMatcher(CustomerDirectory directory) {
        return new CustomerMatcher(customerMatch, directory);
    }
}
