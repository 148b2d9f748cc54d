package org.rapport.integration.csv;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalQuery;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One delivered row read by field name, with typed getters that name the field and the offending
 * value when it cannot be mapped. Values are trimmed; a blank value is an absent one. Where the
 * values come from (a CSV column, several columns, a JSON property, a constant of the source
 * definition) is the subclass's business; how they are written (date patterns, words for true and
 * false, value mappings) is the {@link FieldConventions}'. Not thread-safe.
 */
public abstract class FieldRow {

    /** Integral part of a stored amount: the engine keeps 12 digits, 2 of them decimals. */
    private static final int AMOUNT_INTEGER_DIGITS = 10;
    private static final int AMOUNT_DECIMALS = 2;
    private static final char REPLACEMENT = '\uFFFD';

    private final long line;
    private final FieldConventions conventions;

    protected FieldRow(long line, FieldConventions conventions) {
        this.line = line;
        this.conventions = conventions;
    }

    /**
     * The value of a field as delivered, or null when the source does not give it.
     *
     * @throws IllegalArgumentException when the field was never declared for this row's source
     * @throws BadFieldException        when the value is derived from other fields and they are wrong
     */
    protected abstract String raw(String field) throws BadFieldException;

    /** How the field is named to the people who fix the source: its column, by default the field name. */
    protected String label(String field) {
        return field;
    }

    /** The line (1-based) of the delivered file where this row starts. */
    public long line() {
        return line;
    }

    /** A value that must be present, at most {@code maxLength} characters. */
    public String text(String field, int maxLength) throws BadFieldException {
        String value = optionalText(field, maxLength);
        if (value == null) {
            throw new BadFieldException(label(field), "is blank, a value is required");
        }
        return value;
    }

    /** A value that may be blank (then null), at most {@code maxLength} characters. */
    public String optionalText(String field, int maxLength) throws BadFieldException {
        String value = value(field);
        if (value != null && value.length() > maxLength) {
            throw new BadFieldException(label(field),
                    "is " + value.length() + " characters long, at most " + maxLength + " are allowed");
        }
        return value;
    }

    /** A whole number in {@code min..max}. */
    public int wholeNumber(String field, int min, int max) throws BadFieldException {
        Integer number = optionalWholeNumber(field, min, max);
        if (number == null) {
            throw new BadFieldException(label(field), "is blank, " + wholeNumberRange(min, max) + " is required");
        }
        return number;
    }

    /** A whole number in {@code min..max}, or null when blank. */
    public Integer optionalWholeNumber(String field, int min, int max) throws BadFieldException {
        String value = value(field);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw new BadFieldException(label(field), "'" + value + "' is not " + wholeNumberRange(min, max) + mappedHint(field));
    }

    /** A date in the source's date pattern. */
    public LocalDate date(String field) throws BadFieldException {
        return required(field, optionalDate(field), "a date (" + conventions.date().description() + ")");
    }

    /** A date in the source's date pattern, or null when blank. */
    public LocalDate optionalDate(String field) throws BadFieldException {
        return parse(field, value(field), conventions.date(), LocalDate::from, "a date");
    }

    /** A local date-time in the source's date-time pattern. */
    public LocalDateTime dateTime(String field) throws BadFieldException {
        return required(field, optionalDateTime(field),
                "a date and time (" + conventions.dateTime().description() + ")");
    }

    /** A local date-time in the source's date-time pattern, or null when blank. */
    public LocalDateTime optionalDateTime(String field) throws BadFieldException {
        String value = value(field);
        FieldConventions.Patterns patterns = conventions.dateTime();
        LocalDateTime plain = value == null || patterns.plainSeparator() == 0 ? null
                : PlainDateTime.parse(value, patterns.plainSeparator());
        return plain != null ? plain : parse(field, value, patterns, LocalDateTime::from, "a date and time");
    }

    /** A local date-time of the source's time zone, as an instant, or null when blank. */
    public Instant optionalInstant(String field) throws BadFieldException {
        LocalDateTime local = optionalDateTime(field);
        return local == null ? null : local.atZone(conventions.zone()).toInstant();
    }

    /** A non-negative amount of money with at most two decimals. */
    public BigDecimal amount(String field) throws BadFieldException {
        return required(field, optionalAmount(field), "an amount");
    }

    /** A non-negative amount of money with at most two decimals, or null when blank. */
    public BigDecimal optionalAmount(String field) throws BadFieldException {
        String value = value(field);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            BigDecimal significant = amount.stripTrailingZeros();
            if (amount.signum() >= 0 && significant.scale() <= AMOUNT_DECIMALS
                    && significant.precision() - significant.scale() <= AMOUNT_INTEGER_DIGITS) {
                return amount;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadFieldException(label(field),
                "'" + value + "' is not an amount (0 or more, at most 2 decimals, e.g. 1234.50)");
    }

    /** One of the source's words for true or false, in any letter case. */
    public boolean bool(String field) throws BadFieldException {
        return required(field, optionalBool(field), words(conventions.trueWords(), conventions.falseWords()));
    }

    /** One of the source's words for true or false, in any letter case, or null when blank. */
    public Boolean optionalBool(String field) throws BadFieldException {
        String value = value(field);
        if (value == null) {
            return null;
        }
        String word = value.toLowerCase(Locale.ROOT);
        if (conventions.trueWords().contains(word) || conventions.falseWords().contains(word)) {
            return conventions.trueWords().contains(word);
        }
        throw new BadFieldException(label(field), "'" + value + "' is not "
                + words(conventions.trueWords(), conventions.falseWords()) + mappedHint(field));
    }

    /** One of an enum's constants, written as its lower-case name ({@code abandoned_in_ivr}). */
    public <E extends Enum<E>> E choice(String field, Class<E> type) throws BadFieldException {
        return required(field, optionalChoice(field, type), "one of " + names(type));
    }

    /** One of an enum's constants, written as its lower-case name, or null when blank. */
    public <E extends Enum<E>> E optionalChoice(String field, Class<E> type) throws BadFieldException {
        String value = value(field);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new BadFieldException(label(field), "'" + value + "' is not one of " + names(type) + mappedHint(field));
    }

    /**
     * The trimmed value of a field after the definition's value mapping, or null when blank. A value
     * holding a replaced byte is refused: it is not what the source wrote.
     */
    private String value(String field) throws BadFieldException {
        String delivered = raw(field);
        String value = delivered == null ? "" : delivered.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (conventions.replacedBytes() != null && value.indexOf(REPLACEMENT) >= 0) {
            throw new BadFieldException(label(field), "'" + value + "' holds bytes that are not "
                    + conventions.replacedBytes() + " text (shown as \uFFFD): is the definition's charset right?");
        }
        return conventions.mapped(field, value).strip();
    }

    /** {@code value}, the field's as {@link #value} gives it, in one of {@code patterns}; null when it is null. */
    private <T> T parse(String field, String value, FieldConventions.Patterns patterns, TemporalQuery<T> query,
            String what) throws BadFieldException {
        if (value == null) {
            return null;
        }
        for (DateTimeFormatter formatter : patterns.formatters()) {
            try {
                return formatter.parse(value, query);
            } catch (DateTimeParseException e) {
                // the next pattern may fit
            }
        }
        throw new BadFieldException(label(field), "'" + value + "' is not " + what + " (" + patterns.description() + ")");
    }

    private <T> T required(String field, T value, String expected) throws BadFieldException {
        if (value == null) {
            throw new BadFieldException(label(field), "is blank, " + expected + " is required");
        }
        return value;
    }

    /** Says which words the definition maps for a field, so a missing mapping is easy to spot. */
    private String mappedHint(String field) {
        Set<String> mapped = conventions.mappedWords(field);
        return mapped.isEmpty() ? "" : ", nor one of the words the definition maps for " + field + ": "
                + mapped.stream().sorted().collect(Collectors.joining(", "));
    }

    private static String words(Set<String> trueWords, Set<String> falseWords) {
        if (trueWords.size() == 1 && falseWords.size() == 1) {
            return trueWords.iterator().next() + " or " + falseWords.iterator().next();
        }
        return "one of " + trueWords.stream().sorted().collect(Collectors.joining(", ")) + " (true) or "
                + falseWords.stream().sorted().collect(Collectors.joining(", ")) + " (false)";
    }

    private static String wholeNumberRange(int min, int max) {
        return max == Integer.MAX_VALUE
                ? "a whole number of " + min + " or more"
                : "a whole number between " + min + " and " + max;
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
