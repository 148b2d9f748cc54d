package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Rows staged on PostgreSQL read back as they were given whichever way they were sent: through COPY, and
 * through unnested arrays where a pool's connection wrapper hides the driver's copy interface.
 */
class StagedRowsTest extends PersistenceSpec {

    @Test
    void rowsSentAsArraysWhereCopyCannotBeReachedReadBackAsRowsSentThroughCopy() {
        TestDatabase database = on(TestDatabase.POSTGRESQL);
        RecordKeys keys = new RecordKeys();
        List<StagingArea.StagedRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(new StagingArea.StagedRecord(i + 1, keys.keyed(new CallRecord(i + 2, i == 2 ? null : "K-" + i,
                    i == 1 ? null : "C-1", LocalDateTime.parse("2026-10-02T09:00:00").plusMinutes(i), 30, 60, 200,
                    CallOutcome.ANSWERED, true, 0, 0, i == 0 ? null : Boolean.TRUE, "tab\there\\ and \"quotes\""))));
        }

        List<String> copied = stageAndReadBack(database, 1, records, false);
        List<String> unnested = stageAndReadBack(database, 2, records, true);

        assertThat(unnested).hasSize(3).isEqualTo(copied);
    }

    private static List<String> stageAndReadBack(TestDatabase database, long stagingId,
            List<StagingArea.StagedRecord> records, boolean wrapped) {
        database.write(entityManager -> entityManager.unwrap(Session.class).doWork(connection ->
                StagingArea.stage(wrapped ? hidingTheDriver(connection) : connection, SqlDialect.POSTGRESQL, stagingId,
                        RecordTable.CALLS, records)));
        return database.read(entityManager -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
            List<String> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                    "select ordinal, record_key, content_hash, customer_ref, call_ref, started_at, outcome,"
                            + " agent_saw_history, channel from staged_call_record where staging_id = " + stagingId
                            + " order by ordinal")) {
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= 9; column++) {
                        row.append(result.getString(column)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from staged_call_record where staging_id = " + stagingId);
            }
            return rows;
        }));
    }

    /** The connection as a pool that does not let its driver be reached would hand it over. */
    private static Connection hidingTheDriver(Connection connection) {
        InvocationHandler forward = (proxy, method, arguments) -> {
            try {
                return method.invoke(connection, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                forward);
    }
}
