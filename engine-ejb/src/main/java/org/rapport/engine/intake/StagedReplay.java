package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Collectors;

/**
 * Makes a staged file's rows its batch's records on H2: read back in file order, {@value #CHUNK} rows at a
 * time, and stored by {@link RecordUpsert} as the rows of a file always were, so the counts are the same by
 * construction. H2 serves this best: it walks the staging by its primary key and looks each chunk's keys up
 * through the records' unique index, where set-based joins over a million staged rows make it read pages at
 * random (PostgreSQL takes {@link StagedMerge}). Runs in the caller's transaction. Not thread-safe: one per
 * batch.
 */
final class StagedReplay {

    static final int CHUNK = BatchWriter.FLUSH_EVERY;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final long stagingId;
    private final RecordUpsert upsert;
    private int unmatched;

    StagedReplay(long stagingId, String source, long batchId, Set<Long> replaced) {
        this.stagingId = stagingId;
        this.upsert = new RecordUpsert(source, batchId, replaced, false);
    }

    int inserted() {
        return upsert.inserted();
    }

    int updated() {
        return upsert.updated();
    }

    int unchanged() {
        return upsert.unchanged();
    }

    int unmatched() {
        return unmatched;
    }

    /** Stores the rows staged for {@code table}, in the order the file gave them. */
    void merge(Connection connection, RecordTable table) throws SQLException {
        String sql = "select ordinal, record_key, content_hash, " + table.columns().stream()
                .map(RecordTable.Column::name).collect(Collectors.joining(", ")) + " from "
                + StagingArea.stagedTable(table) + " where staging_id = ? and ordinal > ? order by ordinal"
                + " fetch first " + CHUNK + " rows only";
        long after = 0;
        while (true) {
            List<KeyedRecord> chunk = new ArrayList<>(CHUNK);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setLong(1, stagingId);
                statement.setLong(2, after);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        after = rows.getLong(1);
                        chunk.add(new KeyedRecord(table, rows.getString(2), rows.getLong(3), values(rows, table)));
                    }
                }
            }
            if (chunk.isEmpty()) {
                return;
            }
            upsert.write(connection, table, chunk);
            countUnmatched(connection, chunk);
        }
    }

    private void countUnmatched(Connection connection, List<KeyedRecord> chunk) throws SQLException {
        Set<String> refs = new HashSet<>();
        for (KeyedRecord record : chunk) {
            if (record.values()[0] != null) {
                refs.add((String) record.values()[0]);
            }
        }
        Set<String> known = upsert.knownCustomers(connection, refs);
        for (KeyedRecord record : chunk) {
            if (record.values()[0] == null || !known.contains((String) record.values()[0])) {
                unmatched++;
            }
        }
    }

    /** A staged row's values as {@link RecordUpsert} binds them, so that they are stored as delivered. */
    private static Object[] values(ResultSet rows, RecordTable table) throws SQLException {
        Object[] values = new Object[table.columns().size()];
        for (int column = 0; column < values.length; column++) {
            int index = column + 4;
            values[column] = switch (table.columns().get(column).sqlType()) {
                case Types.TIMESTAMP -> {
                    Timestamp time = rows.getTimestamp(index, Calendar.getInstance(UTC));
                    yield time == null ? null : time.toLocalDateTime();
                }
                case Types.TIMESTAMP_WITH_TIMEZONE -> {
                    OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant();
                }
                case Types.DATE -> {
                    java.sql.Date day = rows.getDate(index);
                    yield day == null ? null : day.toLocalDate();
                }
                case Types.NUMERIC -> rows.getBigDecimal(index);
                default -> rows.getObject(index);
            };
        }
        return values;
    }
}
