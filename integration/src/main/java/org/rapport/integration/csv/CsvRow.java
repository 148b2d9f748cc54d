package org.rapport.integration.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;

/**
 * One data row of a delivered CSV file, read by column name, with typed getters that name the
 * column and the offending value when a field cannot be mapped. Values are trimmed; a blank value
 * is an absent one. Not thread-safe.
 */
public class CsvRow {

    /** Integral part of a stored amount: the engine keeps 12 digits, 2 of them decimals. */
    private static final int AMOUNT_INTEGER_DIGITS = 10;
    private static final int AMOUNT_DECIMALS = 2;

    private final CSVRecord record;
    private final long line;
    private final Map<String, Integer> columns;

    CsvRow(CSVRecord record, long line, Map<String, Integer> columns) {
        this.record = record;
        this.line = line;
        this.columns = columns;
    }

    /** The file line (1-based) where this row starts. */
    public long line() {
        return line;
    }

    /** A value that must be present, at most {@code maxLength} characters. */
    public String text(String column, int maxLength) throws BadFieldException {
        String value = optionalText(column, maxLength);
        if (value == null) {
            throw new BadFieldException(column, "is blank, a value is required");
        }
        return value;
    }

    /** A value that may be blank (then null), at most {@code maxLength} characters. */
    public String optionalText(String column, int maxLength) throws BadFieldException {
        String value = value(column);
        if (value != null && value.length() > maxLength) {
            throw new BadFieldException(column,
                    "is " + value.length() + " characters long, at most " + maxLength + " are allowed");
        }
        return value;
    }

    /** A whole number in {@code min..max}. */
    public int wholeNumber(String column, int min, int max) throws BadFieldException {
        Integer number = optionalWholeNumber(column, min, max);
        if (number == null) {
            throw new BadFieldException(column, "is blank, " + wholeNumberRange(min, max) + " is required");
        }
        return number;
    }

    /** A whole number in {@code min..max}, or null when blank. */
    public Integer optionalWholeNumber(String column, int min, int max) throws BadFieldException {
        String value = value(column);
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
        throw new BadFieldException(column, "'" + value + "' is not " + wholeNumberRange(min, max));
    }

    /** An ISO date, {@code yyyy-MM-dd}. */
    public LocalDate date(String column) throws BadFieldException {
        return required(column, optionalDate(column), "a date (yyyy-MM-dd)");
    }

    /** An ISO date, {@code yyyy-MM-dd}, or null when blank. */
    public LocalDate optionalDate(String column) throws BadFieldException {
        String value = value(column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadFieldException(column, "'" + value + "' is not a date (yyyy-MM-dd)");
        }
    }

    /** An ISO local date-time, {@code yyyy-MM-ddTHH:mm:ss}. */
    public LocalDateTime dateTime(String column) throws BadFieldException {
        String value = value(column);
        try {
            return LocalDateTime.parse(required(column, value, "a date and time (yyyy-MM-ddTHH:mm:ss)"));
        } catch (DateTimeParseException e) {
            throw new BadFieldException(column, "'" + value + "' is not a date and time (yyyy-MM-ddTHH:mm:ss)");
        }
    }

    /** A non-negative amount of money with at most two decimals. */
    public BigDecimal amount(String column) throws BadFieldException {
        return required(column, optionalAmount(column), "an amount");
    }

    /** A non-negative amount of money with at most two decimals, or null when blank. */
    public BigDecimal optionalAmount(String column) throws BadFieldException {
        String value = value(column);
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
        throw new BadFieldException(column,
                "'" + value + "' is not an amount (0 or more, at most 2 decimals, e.g. 1234.50)");
    }

    /** {@code true} or {@code false}, in any letter case. */
    public boolean bool(String column) throws BadFieldException {
        return required(column, optionalBool(column), "true or false");
    }

    /** {@code true} or {@code false}, in any letter case, or null when blank. */
    public Boolean optionalBool(String column) throws BadFieldException {
        String value = value(column);
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.valueOf(value);
        }
        throw new BadFieldException(column, "'" + value + "' is not true or false");
    }

    /** One of an enum's constants, written as its lower-case name ({@code abandoned_in_ivr}). */
    public <E extends Enum<E>> E choice(String column, Class<E> type) throws BadFieldException {
        return required(column, optionalChoice(column, type), "one of " + names(type));
    }

    /** One of an enum's constants, written as its lower-case name, or null when blank. */
    public <E extends Enum<E>> E optionalChoice(String column, Class<E> type) throws BadFieldException {
        String value = value(column);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new BadFieldException(column, "'" + value + "' is not one of " + names(type));
    }

    /** The trimmed value of a column, or null when blank. */
    private String value(String column) {
        Integer index = columns.get(column.toLowerCase(Locale.ROOT));
        if (index == null) {
            throw new IllegalArgumentException("No column '" + column + "' was required of this file");
        }
        String value = record.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static <T> T required(String column, T value, String expected) throws BadFieldException {
        if (value == null) {
            throw new BadFieldException(column, "is blank, " + expected + " is required");
        }
        return value;
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
