package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.engine.intake.Deliveries.badRow;
import static org.rapport.engine.intake.Deliveries.calls;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;
import static org.rapport.engine.intake.Deliveries.customers;
import static org.rapport.engine.intake.StreamingStoreTest.count;
import static org.rapport.engine.intake.StreamingStoreTest.customerOf;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** A corrected re-delivery, and a replay, take the place of what they correct, in one transaction. */
class RedeliveryTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCorrectedFileOfTheSameNameReplacesTheEarlierRowsAndQuarantine(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt first = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of(badRow(3))));

        IntakeReceipt corrected = intake.store(calls("test-ivr", "calls-10.csv", checksum('b'),
                calls(6, "C-1", "2026-10-03T09:00:00"), List.of()));

        assertThat(corrected.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(corrected.replaced()).containsExactly(first.batchId());
        assertThat(count(database, "Call")).isEqualTo(6);
        assertThat(count(database, "QuarantinedRecord")).isZero();
        BatchEntry earlier = intake.find(first.batchId()).orElseThrow();
        assertThat(earlier.status()).isEqualTo("REPLACED");
        assertThat(earlier.replacedBy()).isEqualTo(corrected.batchId());
        assertThat(earlier.rowsAccepted()).as("the ledger still tells what it once brought").isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameContentAgainIsADuplicateAndReplacesNothing(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt first = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));

        IntakeReceipt again = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));

        assertThat(again.status()).isEqualTo(BatchStatus.DUPLICATE);
        assertThat(again.replaced()).isEmpty();
        assertThat(intake.find(first.batchId()).orElseThrow().status()).isEqualTo("ACCEPTED");
        assertThat(count(database, "Call")).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anotherFileNameOrAnotherSourceAddsRowsInsteadOfReplacing(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt first = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));

        // November's calls are other calls than October's: their ids differ
        intake.store(calls("test-ivr", "calls-11.csv", checksum('b'), EachRecordOnceTest.calls(100, 102), List.of()));
        intake.store(calls("other-ivr", "calls-10.csv", checksum('c'), calls(3, "C-1", "2026-10-02T09:00:00"),
                List.of()));

        assertThat(intake.find(first.batchId()).orElseThrow().status()).isEqualTo("ACCEPTED");
        assertThat(count(database, "Call")).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCorrectedFileThatIsRejectedLeavesTheEarlierBatchAsItWas(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt first = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));

        IntakeReceipt broken = intake.store(new Delivery(SourceKind.CALLS, "test-ivr", "calls-10.csv", checksum('b'),
                null, sink -> {
                    calls(3, "C-1", "2026-10-03T09:00:00").forEach(sink::record);
                    return new QuarantinedRow(5, QuarantinedRow.WHOLE_RECORD, "bytes that are not UTF-8", "");
                }));

        assertThat(broken.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(broken.replaced()).isEmpty();
        assertThat(intake.find(first.batchId()).orElseThrow().status()).isEqualTo("ACCEPTED");
        assertThat(count(database, "Call")).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void customersOfACorrectedFileTakeTheNewerValuesAndNoneIsDeleted(TestDatabase database) {
        Intake intake = intake(on(database));
        intake.store(customers("customers.csv", checksum('a'),
                List.of(customer(2, "C-1", "one-year"), customer(3, "C-2", "monthly"))));

        intake.store(customers("customers.csv", checksum('b'), List.of(customer(2, "C-1", "two-year"))));

        assertThat(customerOf(database, "C-1").getSegment()).isEqualTo("two-year");
        assertThat(customerOf(database, "C-2").getSegment()).as("only the earlier file named C-2").isEqualTo("monthly");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayOfTheSameFileReplacesExactlyTheBatchItNames(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt stored = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of(badRow(7), badRow(8))));

        // the mapping was fixed: the two quarantined rows now map
        IntakeReceipt replayed = intake.replay(stored.batchId(), calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(7, "C-1", "2026-10-02T09:00:00"), List.of()));

        assertThat(replayed.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(replayed.replaced()).containsExactly(stored.batchId());
        assertThat(count(database, "Call")).isEqualTo(7);
        assertThat(count(database, "QuarantinedRecord")).isZero();
        assertThat(intake.find(stored.batchId()).orElseThrow()).extracting(BatchEntry::status, BatchEntry::replacedBy)
                .containsExactly("REPLACED", replayed.batchId());
        assertThat(intake.find(replayed.batchId()).orElseThrow().keptAs()).isEqualTo("calls/.done/calls-10.csv");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void onlyAnAcceptedBatchCanBeReplayedAndOnlyWithItsOwnFile(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt first = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));
        IntakeReceipt corrected = intake.store(calls("test-ivr", "calls-10.csv", checksum('b'),
                calls(5, "C-1", "2026-10-02T09:00:00"), List.of()));

        assertThatThrownBy(() -> intake.replay(first.batchId(), calls("test-ivr", "calls-10.csv", checksum('a'),
                List.of(), List.of())))
                .isInstanceOf(BatchNotReplayable.class)
                .hasMessage("batch " + first.batchId() + " is REPLACED by batch " + corrected.batchId()
                        + ": only an accepted batch can be replayed");
        assertThatThrownBy(() -> intake.replay(corrected.batchId(), calls("test-ivr", "calls-10.csv", checksum('c'),
                List.of(), List.of())))
                .isInstanceOf(BatchNotReplayable.class)
                .hasMessageContaining("is not the file it stored");
        assertThatThrownBy(() -> intake.replay(999_999, calls("test-ivr", "calls-10.csv", checksum('b'),
                List.of(), List.of())))
                .isInstanceOf(BatchNotReplayable.class)
                .hasMessage("there is no batch 999999");
        assertThat(count(database, "Call")).isEqualTo(5);
        assertThat(count(database, "SourceBatch")).as("refused replays leave no trace").isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void quarantinedRowsAreListedBySourceAndByBatchForAReplayToBeJudged(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt october = intake.store(calls("test-ivr", "calls-10.csv", checksum('a'),
                calls(2, "C-1", "2026-10-02T09:00:00"), List.of(badRow(4), badRow(5))));
        IntakeReceipt november = intake.store(calls("test-ivr", "calls-11.csv", checksum('b'),
                calls(2, "C-1", "2026-11-02T09:00:00"), List.of(badRow(9))));
        intake.store(calls("other-ivr", "calls-10.csv", checksum('c'), calls(2, "C-1", "2026-10-02T09:00:00"),
                List.of(badRow(6))));

        List<QuarantineEntry> ofTheSource = database.read(entityManager -> new IntakeCatalog(entityManager)
                .quarantine("test-ivr", null, 100));
        List<QuarantineEntry> ofOctober = database.read(entityManager -> new IntakeCatalog(entityManager)
                .quarantine(null, october.batchId(), 100));

        assertThat(ofTheSource).extracting(QuarantineEntry::batchId, QuarantineEntry::line).containsExactly(
                tuple(november.batchId(), 9L),
                tuple(october.batchId(), 4L),
                tuple(october.batchId(), 5L));
        assertThat(ofOctober).allSatisfy(row -> {
            assertThat(row.source()).isEqualTo("test-ivr");
            assertThat(row.fileName()).isEqualTo("calls-10.csv");
            assertThat(row.field()).isEqualTo("ivr_seconds");
            assertThat(row.reason()).isEqualTo("'-5' is negative");
        }).extracting(QuarantineEntry::rawText).containsExactly("4,C1,...", "5,C1,...");
    }

    private static Intake intake(TestDatabase database) {
        return new TransactionalIntake(database::read, Clock.systemUTC());
    }
}
