package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.intake.Deliveries.badRow;
import static org.rapport.engine.intake.Deliveries.call;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;
import static org.rapport.engine.intake.Deliveries.customers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.intake.SourceHealth.LastBatch;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Each source's intake health from the ledger, worked by hand. The deliveries, in order:
 * <pre>
 * test-crm  11-01 06:00 customers.csv   C-1, C-2 joined 2020-05-01                 ACCEPTED 2/0/0
 * test-ivr  11-01 07:00 calls-10.csv    C-1, C-9, unknown, C-2 up to 10-31 09:03; 1 bad  ACCEPTED 4/1/2
 * test-ivr  11-02 07:00 calls-10.csv    corrected: C-1, C-2, unknown up to 10-31 10:02   ACCEPTED 3/0/1, replaces the first
 * test-ivr  11-03 07:00 calls-11.csv    C-9 twice up to 11-02 08:01; 2 bad          ACCEPTED 2/2/2
 * test-ivr  11-04 07:00 calls-copy.csv  same bytes as calls-11.csv                   DUPLICATE 0/0/0
 * test-shop 11-01 08:00 purchases.csv   C-1 10-05, C-2 10-20, C-7 10-28            ACCEPTED 3/0/1
 * test-shop 11-05 08:00 purchases-11    refused partway at line 4                  REJECTED 0/1/0
 * </pre>
 * (rows accepted/quarantined/unmatched; C-9 and C-7 are no customers, nor is an unknown caller).
 * The store then holds 2 customers; 5 calls (K-1..K-3 as corrected, K-4 withdrawn by the correction, K-5 and
 * K-6), 3 of them matching no customer (K-3, K-5, K-6); 3 purchases, C-7's matching none.
 */
class IntakeHealthTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachSourceShowsItsLastDeliveryAndTheRowsItsAcceptedBatchesHold(TestDatabase database) {
        on(database);
        at(database, "2026-11-01T06:00:00Z").store(customers("customers.csv", checksum('a'),
                List.of(customer(2, "C-1", "one-year"), customer(3, "C-2", "monthly"))));
        at(database, "2026-11-01T07:00:00Z").store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('b'),
                List.of(call(2, "K-1", "C-1", time("2026-10-31T09:00")), call(3, "K-2", "C-9", time("2026-10-31T09:01")),
                        call(5, "K-3", null, time("2026-10-31T09:03")), call(6, "K-4", "C-2", time("2026-10-31T09:02"))),
                List.of(badRow(4))));
        IntakeReceipt corrected = at(database, "2026-11-02T07:00:00Z").store(Deliveries.calls("test-ivr",
                "calls-10.csv", checksum('c'), List.of(call(2, "K-1", "C-1", time("2026-10-31T10:00")),
                        call(3, "K-2", "C-2", time("2026-10-31T10:02")), call(4, "K-3", null, time("2026-10-31T10:01"))),
                List.of()));
        List<CallRecord> november = List.of(call(2, "K-5", "C-9", time("2026-11-02T08:00")),
                call(3, "K-6", "C-9", time("2026-11-02T08:01")));
        at(database, "2026-11-03T07:00:00Z").store(Deliveries.calls("test-ivr", "calls-11.csv", checksum('d'),
                november, List.of(badRow(4), badRow(5))));
        IntakeReceipt duplicate = at(database, "2026-11-04T07:00:00Z").store(Deliveries.calls("test-ivr",
                "calls-copy.csv", checksum('d'), november, List.of()));
        at(database, "2026-11-01T08:00:00Z").store(purchases("purchases.csv", checksum('e'), null,
                purchase(2, "C-1", "2026-10-05"), purchase(3, "C-2", "2026-10-20"), purchase(4, "C-7", "2026-10-28")));
        IntakeReceipt rejected = at(database, "2026-11-05T08:00:00Z").store(purchases("purchases-11.csv",
                checksum('f'), new QuarantinedRow(4, "amount", "the file ends inside a quoted field", ""),
                purchase(2, "C-1", "2026-11-01"), purchase(3, "C-1", "2026-11-02")));

        List<SourceHealth> health = database.read(entityManager -> new IntakeCatalog(entityManager).health());

        assertThat(health).extracting(SourceHealth::source).containsExactly("test-crm", "test-ivr", "test-shop");
        assertThat(health.get(0)).usingRecursiveComparison().ignoringFields("lastBatch.id").isEqualTo(
                new SourceHealth("test-crm", "CUSTOMERS", 1, 2, 0, 0, time("2020-05-01T00:00"),
                        new LastBatch(0, "customers.csv", instant("2026-11-01T06:00:00Z"), "ACCEPTED", 2, 0, 0, null),
                        2, 0));
        assertThat(health.get(1)).isEqualTo(
                new SourceHealth("test-ivr", "CALLS", 4, 3 + 2, 0 + 2, 1 + 2, time("2026-11-02T08:01"),
                        new LastBatch(duplicate.batchId(), "calls-copy.csv", instant("2026-11-04T07:00:00Z"),
                                "DUPLICATE", 0, 0, 0, null), 5, 3));
        assertThat(health.get(2)).isEqualTo(
                new SourceHealth("test-shop", "PURCHASES", 2, 3, 0 + 1, 1, time("2026-10-28T00:00"),
                        new LastBatch(rejected.batchId(), "purchases-11.csv", instant("2026-11-05T08:00:00Z"),
                                "REJECTED", 0, 1, 0, "line 4, field amount: the file ends inside a quoted field"),
                        3, 1));
        assertThat(corrected.rowsUnmatched()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contactsStoredBeforeTheirCustomersAreMatchedOnceTheCustomersComeWithoutARedelivery(TestDatabase database) {
        on(database);
        at(database, "2026-11-01T06:00:00Z").store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('a'),
                List.of(call(2, "K-1", "C-1", time("2026-10-31T09:00")), call(3, "K-2", "C-2", time("2026-10-31T09:01")),
                        call(4, "K-3", "C-3", time("2026-10-31T09:02")), call(5, "K-4", null, time("2026-10-31T09:03"))),
                List.of()));
        at(database, "2026-11-01T06:30:00Z").store(purchases("purchases.csv", checksum('b'), null,
                purchase(2, "C-1", "2026-10-05"), purchase(3, "C-2", "2026-10-20")));
        SourceHealth callsBefore = healthOf(database, "test-ivr");
        assertThat(callsBefore.rowsUnmatched()).isEqualTo(4);
        assertThat(callsBefore.unmatchedNow()).isEqualTo(4);

        // the CRM's file comes last; C-3 is not in it
        at(database, "2026-11-01T07:00:00Z").store(customers("customers.csv", checksum('c'),
                List.of(customer(2, "C-1", "one-year"), customer(3, "C-2", "monthly"))));

        SourceHealth calls = healthOf(database, "test-ivr");
        assertThat(calls.rowsUnmatched()).as("unmatched when stored").isEqualTo(4);
        assertThat(calls.unmatchedNow()).as("C-3 and the unknown caller").isEqualTo(2);
        assertThat(calls.recordsHeld()).isEqualTo(4);
        SourceHealth purchases = healthOf(database, "test-shop");
        assertThat(purchases.rowsUnmatched()).isEqualTo(2);
        assertThat(purchases.unmatchedNow()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileStillBeingStoredCountsForNothingUntilItIsStoredWhole(TestDatabase database) {
        on(database);
        at(database, "2026-11-01T06:00:00Z").store(customers("customers.csv", checksum('a'),
                List.of(customer(2, "C-1", "one-year"))));
        Delivery twoChunks = customers("customers-2.csv", checksum('b'), List.of(customer(2, "C-2", "one-year"),
                customer(3, "C-3", "monthly"), customer(4, "C-4", "monthly")));
        Intake stopsAfterOneChunk = new TransactionalIntake(database::read, Clock.systemUTC(), 2, chunks -> {
            throw new IllegalStateException("stopped after " + chunks + " chunk");
        });
        assertThatThrownBy(() -> stopsAfterOneChunk.store(twoChunks)).hasMessage("stopped after 1 chunk");

        SourceHealth halfStored = healthOf(database, "test-crm");

        assertThat(halfStored.batches()).as("the first file only").isEqualTo(1);
        assertThat(halfStored.rowsAccepted()).isEqualTo(1);
        assertThat(halfStored.lastBatch().status()).isEqualTo("BEING_STORED");

        at(database, "2026-11-01T07:00:00Z").store(twoChunks);

        SourceHealth stored = healthOf(database, "test-crm");
        assertThat(stored.batches()).isEqualTo(2);
        assertThat(stored.rowsAccepted()).isEqualTo(1 + 3);
        assertThat(stored.lastBatch().status()).isEqualTo("ACCEPTED");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEmptyLedgerHasNoSources(TestDatabase database) {
        on(database);

        List<SourceHealth> health = database.read(entityManager -> new IntakeCatalog(entityManager).health());

        assertThat(health).isEmpty();
    }

    /** As the server answers: one memo of the held records for every question, so each answer must be today's. */
    private final HeldRecordsMemo heldRecords = new HeldRecordsMemo();

    private SourceHealth healthOf(TestDatabase database, String source) {
        return database.read(entityManager -> new IntakeCatalog(entityManager, heldRecords).health()).stream()
                .filter(health -> health.source().equals(source)).findFirst().orElseThrow();
    }

    private static Intake at(TestDatabase database, String instant) {
        return new TransactionalIntake(database::read, Clock.fixed(instant(instant), ZoneOffset.UTC));
    }

    private static Delivery purchases(String fileName, String checksum, QuarantinedRow rejection,
            PurchaseRecord... purchases) {
        return new Delivery(SourceKind.PURCHASES, "test-shop", fileName, checksum, null, sink -> {
            List.of(purchases).forEach(sink::record);
            return rejection;
        });
    }

    private static PurchaseRecord purchase(long line, String customer, String day) {
        return new PurchaseRecord(line, customer, LocalDate.parse(day), new BigDecimal("12.50"), "broadband");
    }

    private static LocalDateTime time(String text) {
        return LocalDateTime.parse(text);
    }

    private static Instant instant(String text) {
        return Instant.parse(text);
    }
}
