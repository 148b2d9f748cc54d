package org.rapport.integration.csv;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a source writes its values: date patterns, the zone its local times are in, the words it uses
 * for true and false, and the value mappings of its definition (a CRM's churn categories onto
 * Rapport's churn reasons, Likert words onto scores). Immutable.
 *
 * @param date           accepted date patterns, tried in order
 * @param dateTime       accepted date-time patterns, tried in order
 * @param zone           the zone local date-times are in, for fields stored as instants
 * @param valueMaps      per field, source word (lower case) to canonical word
 * @param trueWords      words meaning true (lower case)
 * @param falseWords     words meaning false (lower case)
 * @param replacedBytes  the character set whose undecodable bytes were replaced by U+FFFD, or null
 *                       when the text was decoded strictly (then U+FFFD is a real character)
 */
public record FieldConventions(Patterns date, Patterns dateTime, ZoneId zone, Map<String, Map<String, String>> valueMaps,
        Set<String> trueWords, Set<String> falseWords, String replacedBytes) {

    /** Rapport's canonical CSVs: ISO dates, {@code true}/{@code false}, no value mappings, UTF-8 read strictly. */
    public static final FieldConventions CANONICAL = new FieldConventions(
            new Patterns("yyyy-MM-dd", List.of(DateTimeFormatter.ISO_LOCAL_DATE)),
            new Patterns("yyyy-MM-ddTHH:mm:ss", List.of(DateTimeFormatter.ISO_LOCAL_DATE_TIME)),
            ZoneOffset.UTC, Map.of(), Set.of("true"), Set.of("false"), null);

    public FieldConventions {
        valueMaps = valueMaps.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Map.copyOf(entry.getValue())));
        trueWords = Set.copyOf(trueWords);
        falseWords = Set.copyOf(falseWords);
    }

    /** The same conventions with a format's usual value mappings under the definition's own. */
    public FieldConventions withDefaultValues(Map<String, Map<String, String>> defaults) {
        Map<String, Map<String, String>> merged = new HashMap<>();
        defaults.forEach((field, words) -> merged.put(field, new HashMap<>(words)));
        valueMaps.forEach((field, words) -> merged.computeIfAbsent(field, any -> new HashMap<>()).putAll(words));
        return new FieldConventions(date, dateTime, zone, merged, trueWords, falseWords, replacedBytes);
    }

    /** The value a source word stands for under the definition's mapping of {@code field}, or the word itself. */
    String mapped(String field, String value) {
        Map<String, String> words = valueMaps.get(field);
        if (words == null) {
            return value;
        }
        return words.getOrDefault(value.toLowerCase(Locale.ROOT), value);
    }

    /** The words the definition maps for {@code field}, for messages; empty when none. */
    Set<String> mappedWords(String field) {
        return valueMaps.getOrDefault(field, Map.of()).keySet();
    }

    /**
     * Date or date-time patterns a field may be written in.
     *
     * @param description    how the pattern is shown in messages, e.g. {@code yyyy-MM-dd}
     * @param formatters     tried in order; the first that parses wins
     * @param plainSeparator when the first pattern is {@code yyyy-MM-dd HH:mm:ss} (' ') or ISO's
     *                       {@code yyyy-MM-ddTHH:mm:ss} ('T'), the character between date and time: such values are read
     *                       by {@link PlainDateTime} first; otherwise 0
     */
    public record Patterns(String description, List<DateTimeFormatter> formatters, char plainSeparator) {

        private static final String PLAIN = "yyyy-MM-dd HH:mm:ss";

        public Patterns {
            formatters = List.copyOf(formatters);
        }

        /** Patterns of the given formatters; ISO's local date-time read by {@link PlainDateTime} first. */
        public Patterns(String description, List<DateTimeFormatter> formatters) {
            this(description, formatters, !formatters.isEmpty()
                    && formatters.get(0) == DateTimeFormatter.ISO_LOCAL_DATE_TIME ? 'T' : 0);
        }

        /**
         * One pattern in {@link DateTimeFormatter} notation, English month and AM/PM names, parsed strictly so
         * that 30 February is refused rather than moved to the 28th.
         */
        public static Patterns of(String pattern) {
            return of(List.of(pattern));
        }

        /** Several patterns, tried in order; shown in messages joined by " or ". */
        public static Patterns of(List<String> patterns) {
            boolean plainFirst = !patterns.isEmpty() && patterns.get(0).replace('u', 'y').equals(PLAIN);
            return new Patterns(String.join(" or ", patterns), patterns.stream().map(Patterns::strict).toList(),
                    plainFirst ? ' ' : 0);
        }

        /** Strict resolving needs the proleptic year ({@code u}) where people write the year of era ({@code y}). */
        private static DateTimeFormatter strict(String pattern) {
            StringBuilder proleptic = new StringBuilder(pattern.length());
            boolean quoted = false;
            for (char character : pattern.toCharArray()) {
                quoted ^= character == '\'';
                proleptic.append(!quoted && character == 'y' ? 'u' : character);
            }
            return DateTimeFormatter.ofPattern(proleptic.toString(), Locale.ENGLISH)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
    }
}
