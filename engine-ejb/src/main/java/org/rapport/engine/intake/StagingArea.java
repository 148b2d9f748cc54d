package org.rapport.engine.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
                + " checksum, owner, started_at) values (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, delivery.source());
            insert.setString(3, delivery.fileName());
            insert.setString(4, delivery.checksum());
            insert.setString(5, owner);
            insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
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

    /** Every staging there is, by id, with the intake that owns it. */
    static Map<Long, String> owners(Connection connection) throws SQLException {
        Map<Long, String> owners = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select id, owner from intake_staging order by id")) {
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return owners;
    }

    /** Deletes a staging and everything staged under it. */
    static void discard(Connection connection, long stagingId) throws SQLException {
        List<String> tables = new ArrayList<>();
        RecordTable.CONTACTS.forEach(table -> tables.add(stagedTable(table)));
        tables.add("staged_quarantine");
        for (String table : tables) {
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

    /** A keyed record and its place among the file's records, from 1. */
    record StagedRecord(long ordinal, KeyedRecord record) {
    }
}
