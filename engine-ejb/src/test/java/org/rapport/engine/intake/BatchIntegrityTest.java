package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.intake.Deliveries.calls;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Every stored record — call, customer, survey answer, purchase, service case — belongs to a batch the ledger holds
 * (a customer stored before batches were kept, to none): on H2 by foreign keys, on PostgreSQL by triggers that check
 * each statement's rows at once (V100 for calls, V112 for the others), so that a million records
 * are not each looked up with their batch.
 */
class BatchIntegrityTest extends PersistenceSpec {

    /** A table whose rows belong to a batch: how a row of it is written by hand, and how a batch of three is stored. */
    enum BatchedTable {
        CALLS("call_record", "insert into call_record (ivr_seconds, queue_seconds, talk_seconds, times_reidentified,"
                + " transfers, wanted_agent, batch_id, id, started_at, outcome, source, record_key) values (0, 0, 0, 0,"
                + " 0, false, ?1, ?2, timestamp '2026-10-02 09:00:00', 'ANSWERED', 'test-ivr', ?3)",
                intake -> intake.store(Deliveries.calls("test-ivr", "calls.csv", checksum('i'),
                        calls(3, "C-1", "2026-10-02T09:00:00"), List.of()))),
        CUSTOMERS("customer", "insert into customer (batch_id, id, external_id, consent_analytics, consent_contact,"
                + " version, status) values (?1, ?2, ?3, true, true, 0, 'ACTIVE')",
                intake -> intake.store(Deliveries.customers("customers.csv", checksum('c'), List.of(
                        customer(2, "C-1", "consumer"), customer(3, "C-2", "consumer"),
                        customer(4, "C-3", "consumer"))))),
        SURVEY_RESPONSES("survey_response", "insert into survey_response (batch_id, id, record_key, source,"
                + " responded_at) values (?1, ?2, ?3, 'test-survey', timestamp '2026-10-03 10:00:00')",
                intake -> intake.store(contacts(SourceKind.SURVEY_RESPONSES, line -> new SurveyResponseRecord(line,
                        "R-" + line, "C-1", LocalDateTime.parse("2026-10-03T10:00:00"), "relationship", "call", 9,
                        null, null, null)))),
        PURCHASES("purchase", "insert into purchase (batch_id, id, record_key, source, amount, purchased_on)"
                + " values (?1, ?2, ?3, 'test-shop', 12.50, date '2026-10-03')",
                intake -> intake.store(contacts(SourceKind.PURCHASES, line -> new PurchaseRecord(line, "P-" + line,
                        "C-1", LocalDate.parse("2026-10-03"), new BigDecimal("12.50"), "broadband")))),
        SERVICE_CASES("service_case", "insert into service_case (batch_id, id, record_key, source, opened_at, kind)"
                + " values (?1, ?2, ?3, 'test-desk', timestamp with time zone '2026-10-05 09:00:00+00', 'COMPLAINT')",
                intake -> intake.store(contacts(SourceKind.SERVICE_CASES, line -> new ServiceCaseRecord(line,
                        "S-" + line, "C-1", Instant.parse("2026-10-05T09:00:00Z"), null, "email",
                        ServiceCaseKind.COMPLAINT, "billing", "a complaint"))));

        private final String table;
        private final String insert;
        private final Function<TransactionalIntake, IntakeReceipt> threeRecords;

        BatchedTable(String table, String insert, Function<TransactionalIntake, IntakeReceipt> threeRecords) {
            this.table = table;
            this.insert = insert;
            this.threeRecords = threeRecords;
        }
    }

    /** A file of three records of {@code kind}, on lines 2 to 4. */
    private static Delivery contacts(SourceKind kind, LongFunction<CanonicalRecord> record) {
        return new Delivery(kind, "test-" + kind.name().toLowerCase(Locale.ROOT), "contacts.csv", checksum('k'),
                "contacts/.done/contacts.csv", sink -> {
                    LongStream.rangeClosed(2, 4).mapToObj(record).forEach(sink::record);
                    return null;
                });
    }

    static Stream<Arguments> tablesOnEachDatabase() {
        return Arrays.stream(TestDatabase.values()).flatMap(database -> Arrays.stream(BatchedTable.values())
                .map(table -> Arguments.of(database, table)));
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("tablesOnEachDatabase")
    void aRecordOfABatchTheLedgerDoesNotHoldIsRefused(TestDatabase database, BatchedTable table) {
        on(database);
        long batch = storedBatch(database, table);

        refused(() -> insert(database, table, batch + 1000), "inserted");
        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(
                "update " + table.table + " set batch_id = ?1").setParameter(1, batch + 1000).executeUpdate()),
                "moved to a batch that is not there");

        assertThat(rows(database, table, "")).as("nothing written").isEqualTo(3);
        assertThat(rows(database, table, " where batch_id = " + batch)).as("every record still in its batch")
                .isEqualTo(3);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("tablesOnEachDatabase")
    void aBatchIsNotRemovedOrRenumberedWhileRecordsBelongToIt(TestDatabase database, BatchedTable table) {
        on(database);
        long batch = storedBatch(database, table);

        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(
                "delete from source_batch where id = ?1").setParameter(1, batch).executeUpdate()), "removed");
        refused(() -> database.write(entityManager -> entityManager.createNativeQuery(
                "update source_batch set id = ?1 where id = ?2").setParameter(1, batch + 1000)
                .setParameter(2, batch).executeUpdate()), "renumbered");

        assertThat(StreamingStoreTest.count(database, "SourceBatch")).isEqualTo(1);
        assertThat(rows(database, table, " where batch_id = " + batch)).isEqualTo(3);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("tablesOnEachDatabase")
    void aRecordOfAHeldBatchIsStoredAndABatchWithoutRecordsMayGo(TestDatabase database, BatchedTable table) {
        on(database);
        long batch = storedBatch(database, table);

        insert(database, table, batch);
        assertThat(rows(database, table, " where batch_id = " + batch)).isEqualTo(4);
        database.write(entityManager -> entityManager.createNativeQuery("delete from " + table.table).executeUpdate());
        database.write(entityManager -> entityManager.createNativeQuery("delete from source_batch where id = ?1")
                .setParameter(1, batch).executeUpdate());

        assertThat(StreamingStoreTest.count(database, "SourceBatch")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomerStoredBeforeBatchesWereKeptBelongsToNone(TestDatabase database) {
        on(database);

        database.write(entityManager -> entityManager.createNativeQuery("insert into customer (batch_id, id,"
                + " external_id, consent_analytics, consent_contact, version, status)"
                + " values (null, 9000001, 'C-before-batches', true, true, 0, 'ACTIVE')").executeUpdate());

        assertThat(rows(database, BatchedTable.CUSTOMERS, " where batch_id is null")).isEqualTo(1);
    }

    private static void insert(TestDatabase database, BatchedTable table, long batch) {
        database.write(entityManager -> entityManager.createNativeQuery(table.insert).setParameter(1, batch)
                .setParameter(2, 9_000_001L).setParameter(3, "k-new").executeUpdate());
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

    private static long rows(TestDatabase database, BatchedTable table, String where) {
        return database.read(entityManager -> ((Number) entityManager.createNativeQuery(
                "select count(*) from " + table.table + where).getSingleResult()).longValue());
    }

    private static long storedBatch(TestDatabase database, BatchedTable table) {
        return table.threeRecords.apply(new TransactionalIntake(database::read, Clock.systemUTC())).batchId();
    }
}
