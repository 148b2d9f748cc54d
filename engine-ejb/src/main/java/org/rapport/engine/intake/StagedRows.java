package org.rapport.engine.intake;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sends a chunk of rows into one table (a staging table, or a record table for new records, {@link RecordUpsert})
 * as few statements as each database takes best. PostgreSQL
 * gets them through {@code COPY} ({@link PostgresCopy}), or where the driver's copy interface cannot be
 * reached, one statement a chunk with each column bound as one array and unnested on the server (plain JDBC,
 * about a third as fast: each element is cast from text); H2 gets multi-row inserts of
 * {@value #ROWS_PER_INSERT} rows. Table and column names are ours, never user-written. Stateless.
 */
final class StagedRows {

    static final int ROWS_PER_INSERT = 100;

    /** How a local date-time is written, as the UTC wall time of its instant ({@link #asUtc}). */
    private static final DateTimeFormatter UTC_WALL_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    /** About how many characters of COPY's text are written before the driver sends them. */
    static final int COPY_TEXT_PIECE = 16_384;

    /** A staging column and the SQL type its values are bound as. */
    record Column(String name, int sqlType) {
    }

    private StagedRows() {
    }

    /** Inserts {@code rows} (values in the order of {@code columns}) into {@code table}. */
    static void insert(Connection connection, SqlDialect dialect, String table, List<Column> columns,
            List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        if (dialect == SqlDialect.POSTGRESQL) {
            if (!PostgresCopy.copyIn(connection, "copy " + table + " (" + names(columns) + ") from stdin",
                    new CopyText(rows))) {
                insertUnnested(connection, table, columns, rows);
            }
        } else {
            insertMultiRow(connection, table, columns, rows);
        }
    }

    /**
     * The rows in COPY's text format (tab between fields, a line each, \N for null, backslash escapes), written
     * {@value #COPY_TEXT_PIECE} characters or so at a time as the driver reads them: the database takes in the
     * rows sent while the next ones are written, where a chunk's whole text written first left it idle meanwhile
     * (PostgreSQL, 1,000,000 calls: the staging thread and the database took turns, and a core stood a quarter
     * idle while the file was staged).
     */
    static final class CopyText extends Reader {

        private final Iterator<Object[]> rows;
        private final StringBuilder piece = new StringBuilder(COPY_TEXT_PIECE + 1024);
        private int served;

        CopyText(List<Object[]> rows) {
            this.rows = rows.iterator();
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            int written = 0;
            while (written < length) {
                if (served == piece.length() && !writeNextPiece()) {
                    break;
                }
                int taken = Math.min(length - written, piece.length() - served);
                piece.getChars(served, served + taken, buffer, offset + written);
                served += taken;
                written += taken;
            }
            return written == 0 && length > 0 ? -1 : written;
        }

        @Override
        public void close() {
            // nothing held but the rows' iterator
        }

        private boolean writeNextPiece() {
            if (!rows.hasNext()) {
                return false;
            }
            piece.setLength(0);
            served = 0;
            while (piece.length() < COPY_TEXT_PIECE && rows.hasNext()) {
                appendRow(piece, rows.next());
            }
            return true;
        }

        private static void appendRow(StringBuilder text, Object[] row) {
            for (int column = 0; column < row.length; column++) {
                if (column > 0) {
                    text.append('\t');
                }
                appendValue(text, row[column]);
            }
            text.append('\n');
        }
    }

    /**
     * A value as {@link #postgresText} gives it, written straight into the row's text: numbers, flags and times
     * without a string of their own, any other value's text copied whole unless it has something to escape (JFR over three files of
     * a million calls: 157 of the 215 samples the staging thread spent writing COPY's text were in escaping a
     * character at a time).
     */
    private static void appendValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
        } else if (value instanceof Long number) {
            text.append(number.longValue());
        } else if (value instanceof Integer number) {
            text.append(number.intValue());
        } else if (value instanceof Boolean flag) {
            text.append(flag.booleanValue());
        } else if (value instanceof LocalDateTime time) {
            UTC_WALL_TIME.formatTo(asUtc(time), text);
        } else {
            escapeInto(text, postgresText(value));
        }
    }

    private static void escapeInto(StringBuilder text, String value) {
        int clean = 0;
        for (int index = 0; index < value.length(); index++) {
            String escaped = switch (value.charAt(index)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(value, clean, index).append(escaped);
                clean = index + 1;
            }
        }
        if (clean == 0) {
            text.append(value);
        } else {
            text.append(value, clean, value.length());
        }
    }

    private static void insertUnnested(Connection connection, String table, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        String arrays = columns.stream().map(column -> "cast(? as " + postgresType(column.sqlType()) + "[])")
                .collect(Collectors.joining(", "));
        try (PreparedStatement statement = connection.prepareStatement("insert into " + table + " (" + names(columns)
                + ") select * from unnest(" + arrays + ")")) {
            List<Array> bound = new ArrayList<>();
            for (int column = 0; column < columns.size(); column++) {
                String[] texts = new String[rows.size()];
                for (int row = 0; row < rows.size(); row++) {
                    texts[row] = postgresText(rows.get(row)[column]);
                }
                Array array = connection.createArrayOf("varchar", texts);
                bound.add(array);
                statement.setArray(column + 1, array);
            }
            statement.executeUpdate();
            for (Array array : bound) {
                array.free();
            }
        }
    }

    private static void insertMultiRow(Connection connection, String table, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        int full = rows.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement statement = connection.prepareStatement(multiRowSql(table, columns,
                    ROWS_PER_INSERT))) {
                for (int first = 0; first < full; first += ROWS_PER_INSERT) {
                    bindRows(statement, columns, rows.subList(first, first + ROWS_PER_INSERT));
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (full < rows.size()) {
            try (PreparedStatement statement = connection.prepareStatement(multiRowSql(table, columns,
                    rows.size() - full))) {
                bindRows(statement, columns, rows.subList(full, rows.size()));
                statement.executeUpdate();
            }
        }
    }

    private static void bindRows(PreparedStatement statement, List<Column> columns, List<Object[]> rows)
            throws SQLException {
        int index = 1;
        for (Object[] row : rows) {
            for (int column = 0; column < columns.size(); column++) {
                RecordUpsert.bind(statement, index++, row[column], columns.get(column).sqlType());
            }
        }
    }

    private static String multiRowSql(String table, List<Column> columns, int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "insert into " + table + " (" + names(columns) + ") values " + String.join(", ",
                Collections.nCopies(rows, row));
    }

    private static String names(List<Column> columns) {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /** A local date-time of this JVM's zone as the UTC wall time of the same instant (see {@link #postgresText}). */
    private static LocalDateTime asUtc(LocalDateTime time) {
        ZoneId zone = ZoneId.systemDefault();
        if (zone.getRules().isFixedOffset()) {
            return time.minusSeconds(zone.getRules().getOffset(time).getTotalSeconds());
        }
        return time.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static String postgresType(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT -> "bigint";
            case Types.INTEGER -> "integer";
            case Types.BOOLEAN -> "boolean";
            case Types.NUMERIC -> "numeric";
            case Types.DATE -> "date";
            case Types.TIMESTAMP -> "timestamp";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            case Types.VARCHAR -> "varchar";
            default -> throw new IllegalArgumentException("No staging type for SQL type " + sqlType);
        };
    }

    /**
     * A value as PostgreSQL reads it back into the column's type. A local date-time is written as Hibernate
     * binds it with {@code hibernate.jdbc.time_zone=UTC} (see {@link RecordUpsert}): the instant it is in this
     * JVM's zone, as a UTC wall time, so that it reads back through the entities unchanged.
     */
    private static String postgresText(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> choice) {
            return choice.name();
        }
        if (value instanceof LocalDateTime time) {
            return UTC_WALL_TIME.format(asUtc(time));
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        return value.toString();
    }
}
