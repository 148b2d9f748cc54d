package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.intake.Deliveries.calls;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.StreamingStoreTest.count;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * A call always belongs to a batch the ledger holds: on H2 by a foreign key, on PostgreSQL by triggers that
 * check each statement's rows at once (V100), so that a million calls are not looked up one by one.
 */
class CallBatchIntegrityTest extends PersistenceSpec {

    private static final String CALL = "insert into call_record (ivr_seconds, queue_seconds, talk_seconds,"
            + " times_reidentified, transfers, wanted_agent, batch_id, id, started_at, outcome, source, record_key)"
            + " values (0, 0, 0, 0, 0, false, ?1, ?2, timestamp '2026-10-02 09:00:00', 'ANSWERED', 'test-ivr', ?3)";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallOfABatchTheLedgerDoesNotHoldIsRefused(TestDatabase database) {
        on(database);
        long batch = storedBatch(database);

        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(CALL)
                .setParameter(1, batch + 1000).setParameter(2, 9_000_001L).setParameter(3, "k-1")
                .executeUpdate()), "inserted");
        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(
                "update call_record set batch_id = ?1").setParameter(1, batch + 1000).executeUpdate()),
                "moved to a batch that is not there");

        assertThat(count(database, "Call")).isEqualTo(3);
        long inItsBatch = database.read(entityManager -> ((Number) entityManager.createNativeQuery(
                "select count(*) from call_record where batch_id = ?1").setParameter(1, batch).getSingleResult())
                .longValue());
        assertThat(inItsBatch).as("every call still in its batch").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchIsNotRemovedOrRenumberedWhileCallsBelongToIt(TestDatabase database) {
        on(database);
        long batch = storedBatch(database);

        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(
                "delete from source_batch where id = ?1").setParameter(1, batch).executeUpdate()), "removed");
        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(
                "update source_batch set id = ?1 where id = ?2").setParameter(1, batch + 1000)
                .setParameter(2, batch).executeUpdate()), "renumbered");

        assertThat(count(database, "SourceBatch")).isEqualTo(1);
        assertThat(count(database, "Call")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCallOfAHeldBatchIsStoredAndABatchWithoutCallsMayGo(TestDatabase database) {
        on(database);
        long batch = storedBatch(database);

        database.write(entityManager -> entityManager.createNativeQuery(CALL).setParameter(1, batch)
                .setParameter(2, 9_000_001L).setParameter(3, "k-1").executeUpdate());
        database.write(entityManager -> entityManager.createNativeQuery("delete from call_record").executeUpdate());
        database.write(entityManager -> entityManager.createNativeQuery("delete from source_batch where id = ?1")
                .setParameter(1, batch).executeUpdate());

        assertThat(count(database, "SourceBatch")).isZero();
    }

    /** Refused by the database as breaking an integrity constraint (SQLSTATE class 23). */
    private static void refused(Runnable write, String what) {
        assertThatThrownBy(write::run).as(what).hasRootCauseInstanceOf(SQLException.class)
                .satisfies(failure -> assertThat(((SQLException) rootCause(failure)).getSQLState()).startsWith("23"));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static long storedBatch(TestDatabase database) {
        return new TransactionalIntake(database::read, Clock.systemUTC()).store(Deliveries.calls("test-ivr",
                "calls.csv", checksum('i'), calls(3, "C-1", "2026-10-02T09:00:00"), List.of())).batchId();
    }
}
