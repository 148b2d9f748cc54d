package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake's staging tables: where a delivered file's rows wait, committed a chunk at a time, until
 * {@link StagedMerge} makes them its batch's records. A staging belongs to an owner (one running intake,
 * see {@link StagedIntake}); a staging of another owner is what a process that died mid-file left, and is
 * deleted. Works on the caller's connection and transaction. Stateless.
 */
final class StagingArea {

    /** Every staging table of records, by the table its rows end up in. */
    static String stagedTable(RecordTable table) {
        return "staged_" + table.table();
    }

    private static final List<StagedRows.Column> QUARANTINE_COLUMNS = List.of(
            new StagedRows.Column("staging_id", Types.BIGINT), new StagedRows.Column("ordinal", Types.BIGINT),
            new StagedRows.Column("record_id", Types.BIGINT), new StagedRows.Column("line", Types.BIGINT),
            new StagedRows.Column("field", Types.VARCHAR), new StagedRows.Column("reason", Types.VARCHAR),
            new StagedRows.Column("raw_text", Types.VARCHAR));

    private StagingArea() {
    }

    /** A new staging's id. */
    static long nextId(Connection connection, SqlDialect dialect) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(dialect.sequenceValues("intake_staging_seq"))) {
            next.setInt(1, 1);
            try (ResultSet rows = next.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Opens staging {@code id} for one delivery. */
    static void open(Connection connection, long id, Delivery delivery, String owner, Instant now)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into intake_staging (id, source, file_name,"
                + " checksum, owner, started_at, touched_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, delivery.source());
            insert.setString(3, delivery.fileName());
            insert.setString(4, delivery.checksum());
            insert.setString(5, owner);
            insert.setObject(6, at(now));
            insert.setObject(7, at(now));
            insert.executeUpdate();
        }
    }

    /** Stages records of one table, each with its place in the file and the id it gets if it is new. */
    static void stage(Connection connection, SqlDialect dialect, long stagingId, RecordTable table,
            List<StagedRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        long[] ids = SequenceIds.next(connection, dialect, table.sequence(), records.size());
        List<StagedRows.Column> columns = new ArrayList<>(List.of(new StagedRows.Column("staging_id", Types.BIGINT),
                new StagedRows.Column("ordinal", Types.BIGINT), new StagedRows.Column("record_id", Types.BIGINT),
                new StagedRows.Column("record_key", Types.VARCHAR), new StagedRows.Column("content_hash", Types.BIGINT)));
        table.columns().forEach(column -> columns.add(new StagedRows.Column(column.name(), column.sqlType())));
        List<Object[]> rows = new ArrayList<>(records.size());
        for (int index = 0; index < records.size(); index++) {
            StagedRecord staged = records.get(index);
            Object[] values = staged.record().values();
            Object[] row = new Object[5 + values.length];
            row[0] = stagingId;
            row[1] = staged.ordinal();
            row[2] = ids[index];
            row[3] = staged.record().key();
            row[4] = staged.record().fingerprint();
            System.arraycopy(values, 0, row, 5, values.length);
            rows.add(row);
        }
        StagedRows.insert(connection, dialect, stagedTable(table), columns, rows);
    }

    /** Stages quarantined rows, each with its place among them and the id it gets. */
    static void stageQuarantined(Connection connection, SqlDialect dialect, long stagingId, long firstOrdinal,
            List<QuarantinedRow> quarantined) throws SQLException {
        if (quarantined.isEmpty()) {
            return;
        }
        long[] ids = SequenceIds.next(connection, dialect, "quarantined_record_seq", quarantined.size());
        List<Object[]> rows = new ArrayList<>(quarantined.size());
        for (int index = 0; index < quarantined.size(); index++) {
            QuarantinedRow row = quarantined.get(index);
            rows.add(new Object[] {stagingId, firstOrdinal + index, ids[index], row.line(), row.field(),
                QuarantinedRecord.truncate(row.reason(), QuarantinedRecord.REASON_LENGTH),
                QuarantinedRecord.truncate(row.rawText(), QuarantinedRecord.RAW_TEXT_LENGTH)});
        }
        StagedRows.insert(connection, dialect, "staged_quarantine", QUARANTINE_COLUMNS, rows);
    }

    /** Every staging still being written (whose file is not yet being merged), by id. */
    static Map<Long, Staging> owners(Connection connection) throws SQLException {
        return stagings(connection, "batch_id is null");
    }

    /** The stagings of a file from {@code source} with this content whose merge has begun, by id. */
    static Map<Long, Staging> merging(Connection connection, String source, String checksum) throws SQLException {
        return stagings(connection, "source = ? and checksum = ? and batch_id is not null", source, checksum);
    }

    /**
     * The stagings whose merge has begun and that no intake has touched since {@code untouchedSince} (an intake
     * merging one touches it with each part), by id.
     */
    static Map<Long, Staging> halfStored(Connection connection, Instant untouchedSince) throws SQLException {
        return stagings(connection, "batch_id is not null and touched_at < ?", at(untouchedSince));
    }

    /** A staging: the intake that owns it (or last did), and the file it holds. */
    record Staging(String owner, String fileName) {
    }

    private static Map<Long, Staging> stagings(Connection connection, String condition, Object... parameters)
            throws SQLException {
        Map<Long, Staging> stagings = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, owner, file_name from intake_staging where " + condition + " order by id")) {
            for (int index = 0; index < parameters.length; index++) {
                statement.setObject(index + 1, parameters[index]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stagings.put(rows.getLong(1), new Staging(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return stagings;
    }

    /** Makes {@code owner} the owner of a staging {@code formerOwner} owned; false when another took it first. */
    static boolean takeOver(Connection connection, long stagingId, String formerOwner, String owner, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update intake_staging set owner = ?, touched_at = ? where id = ? and owner = ?")) {
            update.setString(1, owner);
            update.setObject(2, at(now));
            update.setLong(3, stagingId);
            update.setString(4, formerOwner);
            return update.executeUpdate() == 1;
        }
    }

    /** Records that staging {@code stagingId}'s rows are being made batch {@code batchId}, no bucket merged yet. */
    static void mergingInto(Connection connection, long stagingId, long batchId, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update intake_staging set batch_id = ?, merged_buckets = 0, touched_at = ? where id = ?")) {
            update.setLong(1, batchId);
            update.setObject(2, at(now));
            update.setLong(3, stagingId);
            update.executeUpdate();
        }
    }

    /**
     * Where the merge of staging {@code stagingId} stands.
     *
     * @throws IllegalStateException when the staging is gone or {@code owner} no longer owns it
     */
    static MergeProgress progress(Connection connection, long stagingId, String owner) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select owner, batch_id, merged_buckets, source"
                + " from intake_staging where id = ?")) {
            select.setLong(1, stagingId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next() || rows.getObject(2) == null) {
                    throw new IllegalStateException("Staging " + stagingId + " is not being merged");
                }
                if (!owner.equals(rows.getString(1))) {
                    throw new IllegalStateException("Staging " + stagingId + " was taken over by another intake");
                }
                return new MergeProgress(rows.getLong(2), rows.getLong(3), rows.getString(4));
            }
        }
    }

    /**
     * Records the buckets of {@code part} merged, its row locked until the caller's transaction ends (parts merged
     * side by side commit one after the other here).
     *
     * @throws IllegalStateException when {@code owner} no longer owns the staging: the part's work is rolled back
     */
    static void merged(Connection connection, long stagingId, String owner, KeyBuckets.Part part, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update intake_staging"
                + " set merged_buckets = merged_buckets | ?, touched_at = ? where id = ? and owner = ?")) {
            update.setLong(1, part.mask());
            update.setObject(2, at(now));
            update.setLong(3, stagingId);
            update.setString(4, owner);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Staging " + stagingId + " was taken over by another intake");
            }
        }
    }

    /**
     * The tables staging {@code stagingId} holds records for, and how many records it holds: the last place among
     * them, which for a file part merged (whose merged buckets' rows are gone) is still about the file's size.
     */
    static StagedExtent extent(Connection connection, long stagingId) throws SQLException {
        List<RecordTable> tables = new ArrayList<>();
        long records = 0;
        for (RecordTable table : RecordTable.CONTACTS) {
            // the last place is found in the primary key, where counting would read every row
            try (PreparedStatement select = connection.prepareStatement("select max(ordinal) from "
                    + stagedTable(table) + " where staging_id = ?")) {
                select.setLong(1, stagingId);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next();
                    long last = rows.getLong(1);
                    if (!rows.wasNull()) {
                        tables.add(table);
                        records = Math.max(records, last);
                    }
                }
            }
        }
        return new StagedExtent(tables, records);
    }

    /** Deletes a staging and everything staged under it. */
    static void discard(Connection connection, long stagingId) throws SQLException {
        for (String table : stagingTables()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from " + table
                    + " where staging_id = ?")) {
                delete.setLong(1, stagingId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from intake_staging where id = ?")) {
            delete.setLong(1, stagingId);
            delete.executeUpdate();
        }
    }

    /**
     * Empties the staging tables whole when no staging is left in them, and says whether it did. A file's rows are
     * deleted from the staging as its parts are merged; what they leave behind is autovacuum's to clear, and it did
     * so while the next file was staged, holding every partition in turn against that file's analysis (the PBX
     * file's staging at 1,000,000 customers: 25 s, against 12 s on a database just made). Truncated, nothing is
     * left to clear. Waits {@code lockTimeout} at most for the tables (autovacuum gives way after a second): then, or
     * while any staging is registered (another file being staged or merged, one left half merged to be finished),
     * nothing is touched, and autovacuum clears up as before. A staging registers before it stages a row, and cannot
     * register while this holds the register.
     */
    static boolean emptyWhenUnused(Connection connection, Duration lockTimeout) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local lock_timeout = " + lockTimeout.toMillis());
            statement.execute("lock table intake_staging in exclusive mode");
            try (ResultSet rows = statement.executeQuery("select exists (select 1 from intake_staging)")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    return false;
                }
            }
            statement.execute("truncate " + String.join(", ", stagingTables()));
            return true;
        }
    }

    /** Every staging table: the contact tables' and the quarantined rows'. */
    private static List<String> stagingTables() {
        List<String> tables = new ArrayList<>();
        RecordTable.CONTACTS.forEach(table -> tables.add(stagedTable(table)));
        tables.add("staged_quarantine");
        return tables;
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** How far the merge of a staging has come: its batch, and the key buckets merged, a bit each. */
    record MergeProgress(long batchId, long mergedBuckets, String source) {
    }

    /** What a staging holds: the tables it has records for, and how many records (its records' last place). */
    record StagedExtent(List<RecordTable> tables, long records) {
    }

    /** A keyed record and its place among the file's records, from 1. */
    record StagedRecord(long ordinal, KeyedRecord record) {
    }
}
