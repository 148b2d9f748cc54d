package org.rapport.integration.transport;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;

/**
 * One column of a query's result, read as the Java value its SQL type stands for and written as the
 * text Rapport's CSV formats read: ISO dates, date-times to the second, {@code true}/{@code false},
 * plain decimals. A date-time with an offset is written as the local time in the source's zone,
 * since that is how formats read local times.
 */
final class ResultColumn {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private enum Kind {
        BOOLEAN, NUMBER, DATE, TIME, TIMESTAMP, TIMESTAMP_WITH_OFFSET, BINARY, TEXT
    }

    private final int index;
    private final String label;
    private final Kind kind;

    private ResultColumn(int index, String label, Kind kind) {
        this.index = index;
        this.label = label;
        this.kind = kind;
    }

    /** Column {@code index} (from 1) of a result. */
    static ResultColumn of(ResultSetMetaData meta, int index) throws SQLException {
        return new ResultColumn(index, meta.getColumnLabel(index), kind(meta.getColumnType(index),
                meta.getColumnTypeName(index)));
    }

    String label() {
        return label;
    }

    /** The value of this column in the current row, or null. */
    Object read(ResultSet row) throws SQLException {
        Object value;
        switch (kind) {
            case BOOLEAN:
                value = row.getBoolean(index);
                break;
            case NUMBER:
                value = row.getBigDecimal(index);
                break;
            case DATE:
                value = row.getObject(index, LocalDate.class);
                break;
            case TIME:
                value = row.getObject(index, LocalTime.class);
                break;
            case TIMESTAMP:
                value = row.getObject(index, LocalDateTime.class);
                break;
            case TIMESTAMP_WITH_OFFSET:
                value = row.getObject(index, OffsetDateTime.class);
                break;
            case BINARY:
                value = row.getBytes(index);
                break;
            default:
                value = row.getString(index);
        }
        return row.wasNull() ? null : value;
    }

    /** A value as {@link #read} gave it, as CSV text; empty for null. */
    static String text(Object value, ZoneId zone) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time.atZoneSameInstant(zone));
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }

    private static Kind kind(int sqlType, String typeName) {
        switch (sqlType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return Kind.BOOLEAN;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.NUMERIC:
            case Types.DECIMAL:
            case Types.REAL:
            case Types.FLOAT:
            case Types.DOUBLE:
                return Kind.NUMBER;
            case Types.DATE:
                return Kind.DATE;
            case Types.TIME:
                return Kind.TIME;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return Kind.TIMESTAMP_WITH_OFFSET;
            case Types.TIMESTAMP:
                // PostgreSQL's driver reports timestamptz as TIMESTAMP; its type name tells them apart
                return typeName != null && typeName.toLowerCase(Locale.ROOT).contains("tz")
                        ? Kind.TIMESTAMP_WITH_OFFSET : Kind.TIMESTAMP;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return Kind.BINARY;
            default:
                return Kind.TEXT;
        }
    }
}
