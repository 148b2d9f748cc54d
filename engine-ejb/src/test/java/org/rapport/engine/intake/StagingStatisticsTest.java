package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Before a staged file is merged, PostgreSQL's planner is told how many rows it holds — without it a million rows
 * were joined one index look-up at a time — and what the columns the merge filters, groups and joins on hold; no
 * other column is analysed (each one analysed cost a sort of its sample).
 */
class StagingStatisticsTest extends PersistenceSpec {

    private static final int ROWS = 20_000;

    @Test
    void theStagingIsAnalysedOnTheColumnsTheMergePlansWithAndItsRowsAreCounted() {
        TestDatabase database = on(TestDatabase.POSTGRESQL);
        RecordKeys keys = new RecordKeys();
        List<StagingArea.StagedRecord> records = new ArrayList<>();
        for (int row = 0; row < ROWS; row++) {
            records.add(new StagingArea.StagedRecord(row + 1, keys.keyed(new CallRecord(row + 2, "K-" + row,
                    "C-" + row % 1_000, LocalDateTime.parse("2026-10-02T09:00:00").plusSeconds(row), 30, 60, 200,
                    CallOutcome.ANSWERED, true, 0, 0, null, "phone"))));
        }
        database.write(entityManager -> entityManager.unwrap(Session.class).doWork(connection ->
                StagingArea.stage(connection, SqlDialect.POSTGRESQL, 7, RecordTable.CALLS, records)));

        database.write(entityManager -> entityManager.unwrap(Session.class).doWork(connection ->
                StagedMerge.analyzeStaging(connection, RecordTable.CALLS)));

        long counted = database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(
                connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select sum(c.reltuples) from pg_class c"
                    + " where c.relkind = 'r' and c.relname like 'staged_call_record_p%'");
                    ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }));
        assertThat(counted).as("rows the planner knows the staging holds").isEqualTo(ROWS);
        assertThat(analysedColumns(database)).containsExactlyInAnyOrder("staging_id", "ordinal", "record_key",
                "content_hash", "customer_ref");
    }

    private static List<String> analysedColumns(TestDatabase database) {
        return database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("select distinct attname from pg_stats"
                    + " where tablename like 'staged_call_record_p%'"); ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    columns.add(result.getString(1));
                }
            }
            return columns;
        }));
    }
}
