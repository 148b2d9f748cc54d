package org.rapport.integration.transport;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * How far a JDBC source has been read: the largest {@code updatedAtColumn} value landed so far, bound
 * to the query's {@code :since}. A number, a date, a date-time or a date-time with offset, as the
 * column holds it, so it binds with the column's own type and compares without loss.
 *
 * @param value a {@link BigDecimal}, {@link LocalDate}, {@link LocalDateTime} or {@link OffsetDateTime}
 */
record Watermark(Object value) {

    /** The kinds of value a watermark column may hold, by the name they are stored under. */
    enum Kind {
        NUMBER, DATE, TIMESTAMP, TIMESTAMP_WITH_OFFSET
    }

    Watermark {
        kindOf(value);
    }

    /** The definition's {@code initialSince}: a number, an ISO date or an ISO date-time. */
    static Watermark parse(String text) {
        if (text.matches("-?\\d+(\\.\\d+)?")) {
            return new Watermark(new BigDecimal(text));
        }
        return new Watermark(text.contains("T") ? LocalDateTime.parse(text) : LocalDate.parse(text));
    }

    /** A stored watermark, as {@link #kind()} and {@link #text()} wrote it. */
    static Watermark restore(Kind kind, String text) {
        switch (kind) {
            case NUMBER:
                return new Watermark(new BigDecimal(text));
            case DATE:
                return new Watermark(LocalDate.parse(text));
            case TIMESTAMP:
                return new Watermark(LocalDateTime.parse(text));
            default:
                return new Watermark(OffsetDateTime.parse(text));
        }
    }

    /** Whether a column value can be a watermark at all. */
    static boolean canHold(Object value) {
        return value instanceof BigDecimal || value instanceof LocalDate || value instanceof LocalDateTime
                || value instanceof OffsetDateTime;
    }

    Kind kind() {
        return kindOf(value);
    }

    /** The value in ISO form, with every digit kept. */
    String text() {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    /** Whether this is further than {@code other}, a watermark of the same column. */
    boolean isAfter(Watermark other) {
        if (value instanceof OffsetDateTime time) {
            return time.isAfter((OffsetDateTime) other.value);
        }
        return compare(value, other.value) > 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object one, Object other) {
        // both of one kind: the column's
        return ((Comparable) one).compareTo(other);
    }

    private static Kind kindOf(Object value) {
        if (value instanceof BigDecimal) {
            return Kind.NUMBER;
        }
        if (value instanceof LocalDate) {
            return Kind.DATE;
        }
        if (value instanceof LocalDateTime) {
            return Kind.TIMESTAMP;
        }
        if (value instanceof OffsetDateTime) {
            return Kind.TIMESTAMP_WITH_OFFSET;
        }
        throw new IllegalArgumentException("a watermark is a number, a date or a date-time, not " + value);
    }
}
