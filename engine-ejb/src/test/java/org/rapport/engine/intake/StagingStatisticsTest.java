package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.testing.EmbeddedPostgresServer;
import org.rapport.engine.testing.ResourceLocalStore;

/**
 * Before a staged file is merged, PostgreSQL's planner is told how many rows it holds — without it a million rows
 * were joined one index look-up at a time — and what the columns the merge filters, groups and joins on hold; no
 * other column is analysed (each one analysed cost a sort of its sample). In a database of its own, autovacuum off on
 * the staging: statistics left by an earlier test's staging, or taken by autovacuum meanwhile, would be of every
 * column (a verify under load once saw them).
 */
class StagingStatisticsTest {

    private static final int ROWS = 20_000;

    @Test
    void theStagingIsAnalysedOnTheColumnsTheMergePlansWithAndItsRowsAreCounted() throws SQLException {
        DataSource database = EmbeddedPostgresServer.newDatabase("staging_statistics_" + System.nanoTime());
        ResourceLocalStore.freshSchema(database).close();
        RecordKeys keys = new RecordKeys();
        List<StagingArea.StagedRecord> records = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            records.add(new StagingArea.StagedRecord(row + 1, keys.keyed(new CallRecord(row + 2, "K-" + row,
                    "C-" + row % 1_000, LocalDateTime.parse("2026-10-02T09:00:00").plusSeconds(row), 30, 60, 200,
                    CallOutcome.ANSWERED, true, 0, 0, null, "phone"))));
        }
        try (Connection connection = database.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                for (int bucket = 0; bucket < KeyBuckets.COUNT; bucket++) {
                    statement.execute("alter table " + KeyBuckets.partition("staged_call_record", bucket)
                            + " set (autovacuum_enabled = off)");
                }
            }
            // each in a transaction of its own, as the intake does
            connection.setAutoCommit(false);
            StagingArea.stage(connection, SqlDialect.POSTGRESQL, 7, RecordTable.CALLS, records);
            connection.commit();

            StagedMerge.analyzeStaging(connection, RecordTable.CALLS);
            connection.commit();

            assertThat(rowsCounted(connection)).as("rows the planner knows the staging holds").isEqualTo(ROWS);
            assertThat(analysedColumns(connection)).containsExactlyInAnyOrder("staging_id", "ordinal", "record_key",
                    "content_hash", "customer_ref");
        }
    }

    private static long rowsCounted(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select sum(c.reltuples) from pg_class c"
                + " where c.relkind = 'r' and c.relname like 'staged_call_record_p%'");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<String> analysedColumns(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select distinct attname from pg_stats"
                + " where tablename like 'staged_call_record_p%'"); ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                columns.add(result.getString(1));
            }
        }
        return columns;
    }
}
