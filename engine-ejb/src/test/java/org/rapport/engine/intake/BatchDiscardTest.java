package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;
import static org.rapport.engine.intake.StreamingStoreTest.count;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * A batch an intake left half written, whose file will never come again under its name, given up by an operator: it
 * no longer holds its month, what it held is withdrawn, and its file delivered later is stored as a new batch. Every
 * other batch is refused, unchanged.
 */
class BatchDiscardTest extends PersistenceSpec {

    /** Rows a transaction in these tests: a file of a few chunks stays small. */
    private static final int CHUNK = 10_000;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aCallsFileLeftHalfWrittenIsDiscardedWithTheRecordsAndQuarantinedRowsItHeld(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        List<CallRecord> calls = Deliveries.calls(rows, "C-1", "2026-10-02T09:00:00");
        // a bad row early in the file, so the chunk committed holds it
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls-10.csv", checksum('a'),
                "calls/.done/calls-10.csv", sink -> {
                    sink.quarantine(Deliveries.badRow(1));
                    calls.forEach(sink::record);
                    return null;
                });
        assertThatThrownBy(() -> stoppingAfter(database, 1).store(delivery)).isInstanceOf(ProcessKilled.class);
        long left = onlyBatchId(database);
        assertThat(count(database, "Call")).isPositive();
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
        assertThat(filesBeingStored(database)).containsExactly("test-ivr calls-10.csv");
        HeldRecordsMemo memo = new HeldRecordsMemo();
        assertThat(health(database, memo)).singleElement().extracting(SourceHealth::recordsHeld)
                .isEqualTo((long) CHUNK - 1);

        IntakeReceipt discarded = intake(database).discard(left);

        assertThat(discarded.status()).isEqualTo(BatchStatus.DISCARDED);
        assertThat(discarded.changes().withdrawn()).as("the calls of the chunk it committed, its bad row aside")
                .isEqualTo(CHUNK - 1);
        assertThat(discarded.message()).contains("Batch " + left + " ('calls-10.csv') discarded")
                .doesNotContain("replay");
        assertThat(count(database, "Call")).isZero();
        assertThat(count(database, "QuarantinedRecord")).isZero();
        assertThat(filesBeingStored(database)).as("its month's runs no longer wait for it").isEmpty();
        assertThat(ledger(database)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo("DISCARDED");
            assertThat(entry.rowsWritten()).isNull();
        });
        assertThat(health(database, memo)).singleElement().satisfies(source -> {
            assertThat(source.rowsAccepted()).as("a discarded batch brought nothing").isZero();
            assertThat(source.recordsHeld()).as("counted again, not remembered from before").isZero();
        });

        IntakeReceipt deliveredAfterAll = intake(database).store(delivery);

        assertThat(deliveredAfterAll.batchId()).as("a new batch, not the discarded one taken up").isNotEqualTo(left);
        assertThat(deliveredAfterAll.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(deliveredAfterAll.changes()).isEqualTo(new IntakeReceipt.Changes(rows, 0, 0, 0));
        assertThat(count(database, "Call")).isEqualTo(rows);
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
        assertThat(batch(database, left).getStatus()).isEqualTo(BatchStatus.DISCARDED);
    }

    /**
     * Records belong to the batch that last set them, so those a half-written file updated go with it, as they go
     * with a replaced batch; those it only repeated stay with their delivery. The receipt says how many went, and
     * replaying their delivery stores them again.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void recordsTheHalfWrittenFileUpdatedGoWithItAndAReplayOfTheirDeliveryBringsThemBack(TestDatabase database) {
        on(database);
        Delivery earlier = Deliveries.calls("test-ivr", "calls-09.csv", checksum('b'),
                Deliveries.calls(100, "C-1", "2026-10-02T09:00:00"), List.of());
        long earlierBatch = intake(database).store(earlier).batchId();
        // the first 50 calls repeated as they were, the next 50 with another caller, then calls of its own
        List<CallRecord> overlapping = new ArrayList<>(Deliveries.calls(50, "C-1", "2026-10-02T09:00:00"));
        IntStream.range(50, 100).forEach(i -> overlapping.add(Deliveries.call(i + 2, "K-" + i, "C-3",
                LocalDateTime.parse("2026-10-02T09:00:00").plusMinutes(i))));
        long left = leftAfterItsFirstChunk(database, "calls-10.csv", checksum('c'), overlapping);

        IntakeReceipt discarded = intake(database).discard(left);

        assertThat(discarded.changes()).as("the calls it added and the 50 it updated withdrawn")
                .isEqualTo(new IntakeReceipt.Changes(CHUNK - 100, 50, 50, CHUNK - 50));
        assertThat(discarded.message()).contains("50 of those records were earlier deliveries'")
                .contains("replay those deliveries");
        assertThat(count(database, "Call")).as("the 50 calls it repeated as they were stay with their delivery")
                .isEqualTo(50);

        IntakeReceipt replayed = intake(database).replay(earlierBatch, earlier);

        assertThat(replayed.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(count(database, "Call")).isEqualTo(100);
    }

    /**
     * A corrected file of the same name, left half written, had taken over even the records it repeated of the file it
     * was to replace: they go with it, the earlier file stays accepted, and its replay stores them again.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aCorrectedFileLeftHalfWrittenTakesTheRecordsItRepeatedOfTheFileItWasToReplace(TestDatabase database) {
        on(database);
        Delivery earlier = Deliveries.calls("test-ivr", "calls-10.csv", checksum('i'),
                Deliveries.calls(100, "C-1", "2026-10-02T09:00:00"), List.of());
        long earlierBatch = intake(database).store(earlier).batchId();
        long left = leftAfterItsFirstChunk(database, "calls-10.csv", checksum('j'),
                Deliveries.calls(100, "C-1", "2026-10-02T09:00:00"));

        IntakeReceipt discarded = intake(database).discard(left);

        assertThat(discarded.changes()).isEqualTo(new IntakeReceipt.Changes(CHUNK - 100, 0, 100, CHUNK));
        assertThat(discarded.message()).contains("100 of those records were earlier deliveries'");
        assertThat(count(database, "Call")).isZero();
        assertThat(batch(database, earlierBatch).getStatus()).as("the file it was to replace").isEqualTo(
                BatchStatus.ACCEPTED);

        intake(database).replay(earlierBatch, earlier);

        assertThat(count(database, "Call")).isEqualTo(100);
    }

    /** Customers are never deleted: a customers file given up leaves the customers it wrote, and its month free. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomersFileLeftHalfWrittenIsDiscardedLeavingTheCustomersItWrote(TestDatabase database) {
        on(database);
        assertThatThrownBy(() -> stoppingAfter(database, 1).store(Deliveries.customers("customers.csv", checksum('d'),
                customers(CHUNK + 500)))).isInstanceOf(ProcessKilled.class);
        long left = onlyBatchId(database);

        IntakeReceipt discarded = intake(database).discard(left);

        assertThat(discarded.status()).isEqualTo(BatchStatus.DISCARDED);
        assertThat(batch(database, left).getStatus()).isEqualTo(BatchStatus.DISCARDED);
        assertThat(count(database, "Customer")).isEqualTo(CHUNK);
        assertThat(filesBeingStored(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAcceptedBatchIsNotDiscardedAndKeepsItsRecords(TestDatabase database) {
        on(database);
        IntakeReceipt stored = intake(database).store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('e'),
                Deliveries.calls(50, "C-1", "2026-10-02T09:00:00"), List.of(Deliveries.badRow(3))));

        assertThatThrownBy(() -> intake(database).discard(stored.batchId()))
                .isInstanceOfSatisfying(BatchNotDiscardable.class, refused -> assertThat(refused.reason())
                        .isEqualTo(BatchNotDiscardable.Reason.NOT_HALF_WRITTEN))
                .hasMessageContaining("is ACCEPTED");

        assertThat(batch(database, stored.batchId()).getStatus()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(count(database, "Call")).isEqualTo(50);
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aBatchDiscardedAlreadyOrUnknownIsRefused(TestDatabase database) {
        on(database);
        assertThatThrownBy(() -> stoppingAfter(database, 1).store(Deliveries.customers("customers.csv", checksum('f'),
                customers(CHUNK + 500)))).isInstanceOf(ProcessKilled.class);
        long left = onlyBatchId(database);
        intake(database).discard(left);

        assertThatThrownBy(() -> intake(database).discard(left))
                .isInstanceOfSatisfying(BatchNotDiscardable.class, refused -> assertThat(refused.reason())
                        .isEqualTo(BatchNotDiscardable.Reason.NOT_HALF_WRITTEN))
                .hasMessageContaining("is DISCARDED");
        assertThatThrownBy(() -> intake(database).discard(left + 1000))
                .isInstanceOfSatisfying(BatchNotDiscardable.class, refused -> assertThat(refused.reason())
                        .isEqualTo(BatchNotDiscardable.Reason.NO_SUCH_BATCH));
    }

    /** The file being written now is not given up under its intake: that intake accepts it whole. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBatchBeingWrittenNowIsNotDiscarded(TestDatabase database) {
        on(database);
        List<RuntimeException> refusals = new ArrayList<>();
        IntakeReceipt stored = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> {
            if (committed == 1) {
                long beingWritten = onlyBatchId(database);
                try {
                    intake(database).discard(beingWritten);
                } catch (BatchNotDiscardable refused) {
                    refusals.add(refused);
                }
            }
        }).store(Deliveries.customers("customers.csv", checksum('g'), customers(CHUNK + 500)));

        assertThat(refusals).singleElement().isInstanceOfSatisfying(BatchNotDiscardable.class,
                refused -> assertThat(refused.reason()).isEqualTo(BatchNotDiscardable.Reason.BEING_WRITTEN));
        assertThat(stored.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(stored.rowsAccepted()).isEqualTo(CHUNK + 500);
        assertThat(count(database, "Customer")).isEqualTo(CHUNK + 500);
    }

    /** A staged file's half-merged batch is finished from its staging, never discarded from under it. */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aStagedFilesBatchIsNotDiscarded(TestDatabase database) {
        on(database);
        int rows = 25_000;
        assertThatThrownBy(() -> new TransactionalIntake(database::read, Clock.systemUTC(), "process-killed",
                new MergeParts(10_000, 1, parts -> {
                    if (parts == 2) {
                        throw new ProcessKilled();
                    }
                })).store(Deliveries.calls("test-ivr", "calls.csv", checksum('h'),
                        Deliveries.calls(rows, "C-1", "2026-10-02T09:00:00"), List.of())))
                .isInstanceOf(ProcessKilled.class);
        long left = onlyBatchId(database);
        long written = count(database, "Call");

        assertThatThrownBy(() -> intake(database).discard(left))
                .isInstanceOfSatisfying(BatchNotDiscardable.class, refused -> assertThat(refused.reason())
                        .isEqualTo(BatchNotDiscardable.Reason.STAGED));

        assertThat(batch(database, left).getStatus()).isEqualTo(BatchStatus.BEING_STORED);
        assertThat(count(database, "Call")).isEqualTo(written);
        assertThat(StreamingStoreTest.stagedCalls(database)).isPositive();
    }

    /**
     * Delivers {@code leading} calls followed by a chunk and a half of calls of the file's own, stopped after its first
     * chunk; returns the batch left half written.
     */
    private static long leftAfterItsFirstChunk(TestDatabase database, String fileName, String checksum,
            List<CallRecord> leading) {
        List<CallRecord> calls = new ArrayList<>(leading);
        IntStream.range(0, CHUNK + 500).forEach(i -> calls.add(Deliveries.call(i + 102, "N-" + i, "C-2",
                LocalDateTime.parse("2026-10-03T09:00:00").plusSeconds(i))));
        assertThatThrownBy(() -> stoppingAfter(database, 1).store(Deliveries.calls("test-ivr", fileName, checksum,
                calls, List.of()))).isInstanceOf(ProcessKilled.class);
        return database.read(entityManager -> entityManager.createQuery(
                "select b.id from SourceBatch b where b.status = :beingStored", Long.class)
                .setParameter("beingStored", BatchStatus.BEING_STORED).getSingleResult());
    }

    private static Intake intake(TestDatabase database) {
        return new TransactionalIntake(database::read, Clock.systemUTC());
    }

    private static Intake stoppingAfter(TestDatabase database, int chunks) {
        return new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> {
            if (committed == chunks) {
                throw new ProcessKilled();
            }
        });
    }

    private static List<CustomerRecord> customers(int count) {
        return IntStream.range(0, count).mapToObj(i -> customer(i + 2, "C-" + i, "month-to-month")).toList();
    }

    private static long onlyBatchId(TestDatabase database) {
        return database.read(entityManager -> entityManager.createQuery("select b.id from SourceBatch b", Long.class)
                .getSingleResult());
    }

    private static SourceBatch batch(TestDatabase database, long id) {
        return database.read(entityManager -> entityManager.find(SourceBatch.class, id));
    }

    private static List<BatchEntry> ledger(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).batches(10));
    }

    private static List<SourceHealth> health(TestDatabase database, HeldRecordsMemo memo) {
        return database.read(entityManager -> new IntakeCatalog(entityManager, memo).health());
    }

    private static List<String> filesBeingStored(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).filesBeingStored());
    }

    /** What a process stopped mid-file amounts to for the intake: it never comes back to the file. */
    private static final class ProcessKilled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
