package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.intake.Deliveries.calls;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;
import static org.rapport.engine.intake.Deliveries.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** A delivery stored while it is read, in a real transaction on each database. */
class StreamingStoreTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void onH2AFileIsReadWholeBeforeAnyRowIsWrittenAndThenCommittedAChunkPerTransaction(TestDatabase database) {
        on(database);
        int chunk = 10_000;
        int rows = chunk * 4 + 17;
        List<CallRecord> calls = calls(rows, "C-1", "2026-10-02T09:00:00");
        int[] readings = {0};
        List<Long> firstReading = new ArrayList<>();
        List<Long> secondReading = new ArrayList<>();
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('a'), null, sink -> {
            List<Long> seen = ++readings[0] == 1 ? firstReading : secondReading;
            for (CallRecord call : calls) {
                sink.record(call);
                if (call.line() > chunk && (call.line() - 1) % chunk == chunk / 4) {
                    // seen from another transaction: only what was committed
                    seen.add(count(database, "Call"));
                }
            }
            return null;
        });

        IntakeReceipt receipt = new TransactionalIntake(database::read, Clock.systemUTC(), chunk, StagingSink.ChunkHook.NONE)
                .store(delivery);

        assertThat(receipt.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(receipt.rowsAccepted()).isEqualTo(rows);
        assertThat(readings[0]).as("read to its end once to be checked, once to be written").isEqualTo(2);
        assertThat(firstReading).as("nothing written while the file is checked").containsExactly(0L, 0L, 0L);
        // read 1¼, 2¼ and 3¼ chunks: the file is read ahead while the chunks read before are written, so a chunk
        // handed over may still be on its way, and the one before it waiting; any earlier one is committed
        assertThat(secondReading).hasSize(3);
        for (int read = 1; read <= 3; read++) {
            long written = secondReading.get(read - 1);
            assertThat(written % chunk).as("whole chunks only, each committed in its transaction").isZero();
            assertThat(written).as("written when %d¼ chunks were read", read)
                    .isBetween((long) Math.max(0, read - 2) * chunk, (long) read * chunk);
        }
        assertThat(count(database, "Call")).isEqualTo(rows);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void onPostgresqlRowsAreStagedChunkByChunkInCommittedTransactionsAndBecomeRecordsOnlyOnceTheFileIsRead(
            TestDatabase database) {
        on(database);
        int chunk = StagingSink.STAGE_EVERY;
        int rows = chunk * 4 + 17;
        List<Long> stagedAsReadingWentOn = new ArrayList<>();
        List<Long> recordsAsReadingWentOn = new ArrayList<>();
        List<CallRecord> calls = calls(rows, "C-1", "2026-10-02T09:00:00");
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('a'), null, sink -> {
            for (CallRecord call : calls) {
                sink.record(call);
                if (call.line() > chunk && (call.line() - 1) % chunk == chunk / 4) {
                    // seen from another transaction: only what was committed
                    stagedAsReadingWentOn.add(stagedCalls(database));
                    recordsAsReadingWentOn.add(count(database, "Call"));
                }
            }
            return null;
        });

        IntakeReceipt receipt = intake(database).store(delivery);

        assertThat(receipt.rowsAccepted()).isEqualTo(rows);
        // read 1¼, 2¼ and 3¼ chunks: the file is read ahead while the chunks read before are staged, so a chunk
        // handed over may still be on its way, and the one before it waiting; any earlier one is committed
        assertThat(stagedAsReadingWentOn).as("calls staged when 1¼, 2¼ and 3¼ chunks were read").hasSize(3);
        for (int read = 1; read <= 3; read++) {
            long staged = stagedAsReadingWentOn.get(read - 1);
            assertThat(staged % chunk).as("whole chunks only, each committed in its transaction").isZero();
            assertThat(staged).as("staged when %d¼ chunks were read", read)
                    .isBetween((long) Math.max(0, read - 2) * chunk, (long) read * chunk);
        }
        assertThat(recordsAsReadingWentOn).as("calls stored as records while the file was read")
                .containsExactly(0L, 0L, 0L);
        assertThat(count(database, "Call")).isEqualTo(rows);
        assertThat(stagedCalls(database)).as("staging emptied once the batch is stored").isZero();
    }

    static long stagedCalls(TestDatabase database) {
        return database.read(entityManager -> ((Number) entityManager
                .createNativeQuery("select count(*) from staged_call_record").getSingleResult()).longValue());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contentDeliveredBeforeIsRecordedAsADuplicateWithoutBeingRead(TestDatabase database) {
        on(database);
        IntakeReceipt first = intake(database).store(calls("test-ivr", "calls.csv", checksum('b'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));
        Delivery again = new Delivery(SourceKind.CALLS, "test-ivr", "calls-again.csv", checksum('b'), null, sink -> {
            throw new AssertionError("a duplicate must not be parsed");
        });

        IntakeReceipt second = intake(database).store(again);

        assertThat(second.status()).isEqualTo(BatchStatus.DUPLICATE);
        assertThat(second.duplicateOf()).isEqualTo(first.batchId());
        assertThat(count(database, "Call")).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileRefusedPartwayLeavesNoneOfItsRowsOnlyItsRejection(TestDatabase database) {
        on(database);
        QuarantinedRow brokenQuote = new QuarantinedRow(452, QuarantinedRow.WHOLE_RECORD,
                "not valid CSV from here on: a quote is never closed", "");
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('c'), null, sink -> {
            calls(450, "C-1", "2026-10-02T09:00:00").forEach(sink::record);
            sink.quarantine(Deliveries.badRow(3));
            return brokenQuote;
        });

        IntakeReceipt receipt = intake(database).store(delivery);

        assertThat(receipt.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(receipt.message()).isEqualTo(
                "line 452, field (record): not valid CSV from here on: a quote is never closed");
        assertThat(count(database, "Call")).isZero();
        List<QuarantineEntry> quarantine = database.read(entityManager -> new IntakeCatalog(entityManager)
                .quarantine(10));
        assertThat(quarantine).singleElement().satisfies(row -> {
                    assertThat(row.batchId()).isEqualTo(receipt.batchId());
                    assertThat(row.line()).isEqualTo(452);
                });
        assertThat(count(database, "SourceBatch")).as("only the rejection's ledger entry").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomersFileRefusedPartwayLeavesTheCustomersAsTheyWere(TestDatabase database) {
        on(database);
        intake(database).store(customers("customers.csv", checksum('d'), List.of(customer(2, "C-1", "one-year"))));
        Delivery broken = new Delivery(SourceKind.CUSTOMERS, "test-crm", "customers-2.csv", checksum('e'), null,
                sink -> {
                    sink.record(customer(2, "C-1", "two-year"));
                    sink.record(customer(3, "C-2", "monthly"));
                    return new QuarantinedRow(4, QuarantinedRow.WHOLE_RECORD, "a NUL character (binary data)", "");
                });

        IntakeReceipt receipt = intake(database).store(broken);

        assertThat(receipt.status()).isEqualTo(BatchStatus.REJECTED);
        List<String> customers = database.read(entityManager -> entityManager
                .createQuery("select c.externalId || ':' || c.segment from Customer c", String.class).getResultList());
        assertThat(customers).containsExactly("C-1:one-year");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileThatCannotBeReadLeavesNothingAtAll(TestDatabase database) {
        on(database);
        Delivery unreadable = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('f'), null, sink -> {
            calls(300, "C-1", "2026-10-02T09:00:00").forEach(sink::record);
            throw new IOException("the disk went away");
        });

        assertThatThrownBy(() -> intake(database).store(unreadable)).isInstanceOf(UncheckedIOException.class)
                .hasMessage("File 'calls.csv' could not be read");
        assertThat(count(database, "Call")).isZero();
        assertThat(count(database, "SourceBatch")).as("a technical fault is retried, not recorded").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLedgerKeepsWhereTheFileWasKept(TestDatabase database) {
        on(database);
        IntakeReceipt receipt = intake(database).store(calls("test-ivr", "calls-2026-10.csv", checksum('g'),
                calls(1, null, "2026-10-02T09:00:00"), List.of()));

        assertThat(intake(database).find(receipt.batchId())).get().extracting(BatchEntry::keptAs)
                .isEqualTo("calls/.done/calls-2026-10.csv");
        assertThat(intake(database).find(receipt.batchId() + 1000)).isEmpty();
    }

    /** The intake on resource-local transactions. */
    private static Intake intake(TestDatabase database) {
        return new TransactionalIntake(database::read, Clock.systemUTC());
    }

    static long count(TestDatabase database, String entity) {
        return database.read(entityManager -> entityManager
                .createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
    }

    static Customer customerOf(TestDatabase database, String externalId) {
        return database.read(entityManager -> entityManager
                .createQuery("select c from Customer c where c.externalId = :id", Customer.class)
                .setParameter("id", externalId).getSingleResult());
    }
}
