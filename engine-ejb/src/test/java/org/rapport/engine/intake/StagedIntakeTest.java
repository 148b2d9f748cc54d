package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.intake.Deliveries.call;
import static org.rapport.engine.intake.Deliveries.calls;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.StreamingStoreTest.count;
import static org.rapport.engine.intake.StreamingStoreTest.stagedCalls;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Files larger than one staging chunk: on PostgreSQL staged a chunk per committed transaction and made records
 * a part per transaction at the end; nothing of a file left when it is refused or its process stops mid-file, and
 * a file whose process stopped between parts finished by its next delivery; the same counts on both databases (H2
 * writes a file a chunk per transaction without staging it, see {@link ChunkedIntakeTest}).
 */
class StagedIntakeTest extends PersistenceSpec {

    private static final int CHUNK = StagingSink.STAGE_EVERY;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aDeliveryStoppedBetweenChunksIsNeverHalfStoredAndTheNextProcessStoresItOnce(TestDatabase database)
            throws Exception {
        on(database);
        int rows = CHUNK * 2 + 500;
        Delivery delivery = Deliveries.calls("test-ivr", "calls.csv", checksum('k'),
                calls(rows, "C-1", "2026-10-02T09:00:00"), List.of());
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        Intake stopsAfterOneChunk = new TransactionalIntake(database::read, Clock.systemUTC(), null,
                "process-killed", chunks -> {
                    stopped.countDown();
                    awaitOrFail(killed);
                    throw new ProcessKilled();
                });
        ExecutorService process = Executors.newSingleThreadExecutor();
        try {
            Future<IntakeReceipt> mid = process.submit(() -> stopsAfterOneChunk.store(delivery));
            assertThat(stopped.await(60, TimeUnit.SECONDS)).as("one chunk committed").isTrue();

            assertThat(stagedCalls(database)).as("the committed chunk is staged").isEqualTo(CHUNK);
            assertThat(count(database, "Call")).as("no call is a record yet").isZero();
            assertThat(count(database, "SourceBatch")).as("no batch in the ledger yet").isZero();

            IntakeReceipt again = new TransactionalIntake(database::read, Clock.systemUTC(), null,
                    "process-restarted", StagingSink.ChunkHook.NONE).store(delivery);

            assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
            assertThat(again.rowsAccepted()).isEqualTo(rows);
            assertThat(again.changes().added()).as("each call counted once").isEqualTo(rows);
            assertThat(count(database, "Call")).isEqualTo(rows);
            assertThat(count(database, "SourceBatch")).isEqualTo(1);
            assertThat(stagedCalls(database)).as("what the stopped process staged is gone").isZero();

            killed.countDown();
            assertThatThrownBy(mid::get).hasCauseInstanceOf(ProcessKilled.class);
            assertThat(count(database, "Call")).isEqualTo(rows);
            assertThat(count(database, "SourceBatch")).isEqualTo(1);
        } finally {
            killed.countDown();
            process.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileRefusedAfterChunksWereStagedLeavesOnlyItsRejection(TestDatabase database) {
        on(database);
        List<CallRecord> calls = calls(CHUNK * 2 + 300, "C-1", "2026-10-02T09:00:00");
        QuarantinedRow cutOff = new QuarantinedRow(CHUNK * 2L + 302, QuarantinedRow.WHOLE_RECORD,
                "the file ends inside a row", "C-1\t2026-10-");
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('r'), null, sink -> {
            calls.forEach(sink::record);
            sink.quarantine(Deliveries.badRow(9));
            return cutOff;
        });

        IntakeReceipt receipt = intake(database).store(delivery);

        assertThat(receipt.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(count(database, "Call")).isZero();
        assertThat(stagedCalls(database)).isZero();
        List<QuarantineEntry> quarantined = database.read(entityManager -> new IntakeCatalog(entityManager)
                .quarantine(10));
        assertThat(quarantined).extracting(QuarantineEntry::line).as("only the reason the file was refused").containsExactly(
                        CHUNK * 2L + 302);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void overlappingFilesAcrossChunksCountNewUpdatedAndUnchangedAsEachRowSays(TestDatabase database) {
        on(database);
        overlappingFilesCountAsEachRowSays(database, intake(database));
    }

    /**
     * A file merged a part per transaction, two parts side by side, is counted and stored as the file merged whole:
     * a key's rows are all in one part, a row of a replaced file is taken over part by part.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aFileMergedInPartsIsCountedAndStoredAsOneMergedWhole(TestDatabase database) {
        on(database);
        overlappingFilesCountAsEachRowSays(database, new TransactionalIntake(database::read, Clock.systemUTC(),
                "in-parts", new MergeParts(3_001, 2, MergeParts.PartHook.NONE)));
    }

    /**
     * A process stopped between two parts leaves the batch being stored, counted for nothing, with the parts merged
     * so far and the staged rows of the others; the file's next delivery merges only the parts not merged, and each
     * row is counted once.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aProcessStoppedBetweenPartsLeavesItsBatchBeingStoredAndTheNextDeliveryGoesOnFromThere(
            TestDatabase database) {
        on(database);
        int rows = PARTED_ROWS;
        Delivery delivery = partedCalls('p');
        List<Integer> partsMergedAfterRestart = new ArrayList<>();

        storeInAProcessKilledAfter(2, database, delivery);

        SourceBatch left = database.read(entityManager -> entityManager.createQuery("select b from SourceBatch b",
                SourceBatch.class).getSingleResult());
        assertThat(left.getStatus()).isEqualTo(BatchStatus.BEING_STORED);
        assertThat(filesBeingStored(database)).as("what readiness holds the month's runs for")
                .containsExactly("test-ivr calls.csv");
        long written = count(database, "Call");
        assertThat(written).as("two parts of three written").isBetween(rows / 3L, rows - rows / 6L);
        assertThat(count(database, "QuarantinedRecord")).as("quarantined with the last part").isZero();
        assertThat(stagedCalls(database)).as("the staging of the part not merged, kept for the next delivery")
                .isEqualTo(rows - written);

        IntakeReceipt again = new TransactionalIntake(database::read, Clock.systemUTC(), "process-restarted",
                new MergeParts(10_000, 1, partsMergedAfterRestart::add)).store(delivery);

        assertThat(partsMergedAfterRestart).as("only the part not merged before").containsExactly(1);
        assertThat(again.batchId()).isEqualTo(left.getId());
        assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(again.rowsAccepted()).isEqualTo(rows);
        assertThat(again.rowsQuarantined()).isEqualTo(1);
        assertThat(again.changes()).as("each call counted once").isEqualTo(new IntakeReceipt.Changes(rows, 0, 0, 0));
        assertThat(again.rowsUnmatched()).as("each call of no customer held counted once, when it was staged")
                .isEqualTo(rows);
        assertThat(count(database, "Call")).isEqualTo(rows);
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
        assertThat(count(database, "SourceBatch")).isEqualTo(1);
        assertThat(filesBeingStored(database)).isEmpty();
        assertThat(stagedCalls(database)).isZero();
        long stagings = database.read(entityManager -> ((Number) entityManager
                .createNativeQuery("select count(*) from intake_staging").getSingleResult()).longValue());
        assertThat(stagings).isZero();
    }

    /**
     * A file left part merged and not delivered again (its inbox emptied by hand) is finished from its staging once
     * no intake has touched it for a while; until then it is left to whichever intake may be merging it.
     */
    /**
     * A process stopped after its last part, before the batch was accepted, leaves every call written and no staged
     * call (each part took its own with it), only the quarantined rows and the staging's progress: the file's next
     * delivery merges nothing again and finishes the batch, each row counted once.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aProcessStoppedAfterItsLastPartLeavesNothingToMergeAndTheNextDeliveryFinishesTheBatch(
            TestDatabase database) {
        on(database);
        int rows = PARTED_ROWS;
        Delivery delivery = partedCalls('l');
        List<Integer> partsMergedAfterRestart = new ArrayList<>();
        storeInAProcessKilledAfter(3, database, delivery);

        assertThat(count(database, "Call")).as("every part written").isEqualTo(rows);
        assertThat(stagedCalls(database)).as("no staged call left").isZero();
        assertThat(count(database, "QuarantinedRecord")).as("quarantined when the batch is finished").isZero();
        assertThat(filesBeingStored(database)).containsExactly("test-ivr calls.csv");

        IntakeReceipt again = new TransactionalIntake(database::read, Clock.systemUTC(), "process-restarted",
                new MergeParts(10_000, 1, partsMergedAfterRestart::add)).store(delivery);

        assertThat(partsMergedAfterRestart).as("no part merged twice").isEmpty();
        assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(again.rowsAccepted()).isEqualTo(rows);
        assertThat(again.rowsQuarantined()).isEqualTo(1);
        assertThat(again.changes()).as("each call counted once").isEqualTo(new IntakeReceipt.Changes(rows, 0, 0, 0));
        assertThat(again.rowsUnmatched()).as("each call of no customer held counted once, when it was staged")
                .isEqualTo(rows);
        assertThat(count(database, "Call")).isEqualTo(rows);
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
        assertThat(filesBeingStored(database)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aFileLeftPartMergedIsFinishedFromItsStagingOnceNoIntakeHasTouchedItForAWhile(TestDatabase database) {
        on(database);
        int rows = PARTED_ROWS;
        Duration untouchedFor = Duration.ofMinutes(15);
        Delivery delivery = partedCalls('h');
        storeInAProcessKilledAfter(2, database, delivery);
        long written = count(database, "Call");
        long batchId = database.read(entityManager -> entityManager.createQuery("select b.id from SourceBatch b",
                Long.class).getSingleResult());

        List<IntakeReceipt> touchedJustNow = new TransactionalIntake(database::read, Clock.systemUTC(),
                "another-process", new MergeParts(10_000, 1, MergeParts.PartHook.NONE)).finishHalfStored(untouchedFor);

        assertThat(touchedJustNow).as("a part was merged a moment ago: its intake may be merging the next").isEmpty();
        assertThat(count(database, "Call")).isEqualTo(written);
        assertThat(filesBeingStored(database)).containsExactly("test-ivr calls.csv");

        List<Integer> partsMerged = new ArrayList<>();
        Intake sixteenMinutesLater = new TransactionalIntake(database::read,
                Clock.offset(Clock.systemUTC(), untouchedFor.plusMinutes(1)), "another-process",
                new MergeParts(10_000, 1, partsMerged::add));
        List<IntakeReceipt> finished = sixteenMinutesLater.finishHalfStored(untouchedFor);

        assertThat(partsMerged).as("only the part not merged before").containsExactly(1);
        assertThat(finished).singleElement().satisfies(receipt -> {
            assertThat(receipt.batchId()).isEqualTo(batchId);
            assertThat(receipt.status()).isEqualTo(BatchStatus.ACCEPTED);
            assertThat(receipt.rowsAccepted()).isEqualTo(rows);
            assertThat(receipt.rowsQuarantined()).isEqualTo(1);
            assertThat(receipt.changes()).as("each call counted once").isEqualTo(new IntakeReceipt.Changes(rows, 0, 0, 0));
        });
        assertThat(count(database, "Call")).isEqualTo(rows);
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(1);
        assertThat(filesBeingStored(database)).as("its month's runs no longer wait").isEmpty();
        assertThat(stagedCalls(database)).isZero();
        assertThat(sixteenMinutesLater.finishHalfStored(untouchedFor)).as("nothing left to finish").isEmpty();

        IntakeReceipt deliveredAfterAll = sixteenMinutesLater.store(delivery);

        assertThat(deliveredAfterAll.status()).isEqualTo(BatchStatus.DUPLICATE);
        assertThat(count(database, "Call")).isEqualTo(rows);
    }

    private static void overlappingFilesCountAsEachRowSays(TestDatabase database, Intake intake) {
        int first = CHUNK * 2 + 5000;
        int overlapFrom = first / 2;
        int secondEnd = first + first / 2;
        List<CallRecord> firstFile = IntStream.range(0, first).mapToObj(StagedIntakeTest::callNumber).toList();
        List<CallRecord> secondFile = new ArrayList<>();
        for (int i = overlapFrom; i < secondEnd; i++) {
            // every tenth call both files carry changed in the meantime
            secondFile.add(i < first && i % 10 == 0 ? withQueue(callNumber(i), 999) : callNumber(i));
        }
        int repeated = first + 10;
        // one call of the second file given again at its end (another chunk), changed once more
        secondFile.add(withQueue(callNumber(repeated), 777));

        IntakeReceipt one = intake.store(Deliveries.calls("test-ivr", "day-1.csv", checksum('1'), firstFile,
                List.of()));
        IntakeReceipt two = intake.store(Deliveries.calls("test-ivr", "day-2.csv", checksum('2'), secondFile,
                List.of()));

        long overlap = first - overlapFrom;
        long changed = IntStream.range(overlapFrom, first).filter(i -> i % 10 == 0).count();
        assertThat(one.changes()).isEqualTo(new IntakeReceipt.Changes(first, 0, 0, 0));
        assertThat(two.rowsAccepted()).isEqualTo(secondEnd - overlapFrom + 1);
        assertThat(two.changes().added()).isEqualTo(secondEnd - first);
        assertThat(two.changes().updated()).as("the changed calls, and the repeated call's second row")
                .isEqualTo(changed + 1);
        assertThat(two.changes().unchanged()).isEqualTo(overlap - changed);
        assertThat(count(database, "Call")).as("each call once").isEqualTo(secondEnd);
        assertThat(queueSecondsOf(database, repeated)).as("the later row's values").isEqualTo(777);
        assertThat(batchOf(database, overlapFrom)).as("a changed call belongs to the file that changed it")
                .isEqualTo(two.batchId());
        assertThat(batchOf(database, overlapFrom + 1)).as("an unchanged call stays with the file that set it")
                .isEqualTo(one.batchId());
        assertThat(stagedCalls(database)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oneRowInAHundredBadIsQuarantinedWholeAndListedAPageAtATime(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 1000;
        List<Long> badLines = new ArrayList<>();
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('q'), null, sink -> {
            for (int i = 0; i < rows; i++) {
                long line = i + 2L;
                if (i % 100 == 37) {
                    sink.quarantine(Deliveries.badRow(line));
                } else {
                    sink.record(call(line, "K-" + i, "C-1", LocalDateTime.parse("2026-10-02T09:00:00").plusMinutes(i)));
                }
            }
            return null;
        });
        IntStream.range(0, rows).filter(i -> i % 100 == 37).forEach(i -> badLines.add(i + 2L));

        IntakeReceipt receipt = intake(database).store(delivery);

        assertThat(receipt.rowsQuarantined()).isEqualTo(badLines.size());
        assertThat(receipt.rowsAccepted()).isEqualTo(rows - badLines.size());
        assertThat(count(database, "Call")).isEqualTo(rows - badLines.size());
        List<Long> listed = new ArrayList<>();
        int page = 70;
        for (int offset = 0; ; offset += page) {
            int from = offset;
            List<QuarantineEntry> entries = database.read(entityManager -> new IntakeCatalog(entityManager)
                    .quarantine("test-ivr", receipt.batchId(), from, page));
            entries.forEach(entry -> listed.add(entry.line()));
            if (entries.size() < page) {
                break;
            }
        }
        assertThat(listed).as("every bad row, once, in file order").containsExactlyElementsOf(badLines);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void textWithTabsLineBreaksAndBackslashesIsStoredAsDelivered(TestDatabase database) {
        on(database);
        String comment = "waited\tlong\r\nthen C:\\help \\N was \"no\"";
        List<SurveyResponseRecord> responses = IntStream.range(0, CHUNK + 10).mapToObj(i -> new SurveyResponseRecord(
                i + 2L, "R-" + i, i % 2 == 0 ? null : "C-1", LocalDateTime.parse("2026-10-03T10:00:00").plusMinutes(i),
                "relationship", "call", i % 11, null, null, i == 7 ? comment : null)).toList();

        intake(database).store(EachRecordOnceTest.delivery(SourceKind.SURVEY_RESPONSES, "test-survey", "answers.csv",
                checksum('t'), responses));

        String stored = database.read(entityManager -> entityManager.createQuery(
                "select r.comment from SurveyResponse r where r.responseRef = 'R-7'", String.class).getSingleResult());
        long blank = database.read(entityManager -> entityManager.createQuery(
                "select count(r) from SurveyResponse r where r.comment is null and r.customerRef is null", Long.class)
                .getSingleResult());
        assertThat(stored).isEqualTo(comment);
        assertThat(blank).as("nulls stay null").isEqualTo((CHUNK + 10) / 2L);
    }

    private static CallRecord callNumber(int i) {
        return call(i + 2L, "K-" + i, "C-" + i % 50, LocalDateTime.parse("2026-10-02T09:00:00").plusSeconds(i));
    }

    /**
     * Two files stored side by side are merged side by side: a merge's analysis of its keys locks nothing another
     * delivery's merge needs. Here another session holds, as a merge in progress held it until it committed, the
     * lock an analysis of the deliveries' shared key table takes; a file is still stored.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aFileIsMergedWhileAnotherMergeHoldsTheLockAnAnalysisTakes(TestDatabase database) throws Exception {
        on(database);
        EntityManager otherMerge = database.factory().createEntityManager();
        ExecutorService process = Executors.newSingleThreadExecutor();
        try {
            otherMerge.getTransaction().begin();
            otherMerge.createNativeQuery("lock table intake_staged_key in share update exclusive mode").executeUpdate();

            Future<IntakeReceipt> stored = process.submit(() -> intake(database).store(Deliveries.calls("test-pbx",
                    "pbx.csv", checksum('m'), calls(CHUNK + 10, "C-1", "2026-10-02T09:00:00"), List.of())));

            assertThat(stored.get(60, TimeUnit.SECONDS).rowsAccepted()).isEqualTo(CHUNK + 10);
            assertThat(count(database, "Call")).isEqualTo(CHUNK + 10);
        } finally {
            otherMerge.getTransaction().rollback();
            otherMerge.close();
            process.shutdownNow();
        }
    }

    private static CallRecord withQueue(CallRecord call, int queueSeconds) {
        return new CallRecord(call.line(), call.callRef(), call.customerRef(), call.startedAt(), call.ivrSeconds(),
                queueSeconds, call.talkSeconds(), CallOutcome.ANSWERED, call.wantedAgent(), call.transfers(),
                call.timesReidentified(), call.agentSawHistory(), call.channel());
    }

    private static int queueSecondsOf(TestDatabase database, int i) {
        return database.read(entityManager -> entityManager.createQuery(
                "select c.queueSeconds from Call c where c.recordKey = :key", Integer.class)
                .setParameter("key", "K-" + i).getSingleResult());
    }

    /**
     * A file's staged rows are deleted as its parts are merged; once it is stored and no other file is staged, the
     * staging tables are emptied whole, leaving autovacuum nothing to clear while the next file is staged.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aFileStoredWhileNoOtherIsStagedLeavesTheStagingTablesEmptiedWhole(TestDatabase database) {
        on(database);

        IntakeReceipt stored = new TransactionalIntake(database::read, Clock.systemUTC(), "process",
                new MergeParts(10_000, 1, MergeParts.PartHook.NONE)).store(partedCalls('e'));

        assertThat(stored.rowsAccepted()).isEqualTo(PARTED_ROWS);
        assertThat(stagedCalls(database)).isZero();
        assertThat(stagingBytes(database)).as("no page of deleted rows left behind").isZero();
    }

    /**
     * A file being staged is in no batch of the ledger yet; the catalog still tells that a file is in the staging (so
     * that the intake metrics of every node hold their recount meanwhile), and no longer once the file is stored.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aFileBeingStagedIsSeenInTheStagingBeforeAnyBatchHoldsIt(TestDatabase database) {
        on(database);
        List<String> seenAfterEachChunk = new ArrayList<>();
        Intake intake = new TransactionalIntake(database::read, Clock.systemUTC(), null, "process",
                chunks -> seenAfterEachChunk.add(database.read(entityManager -> {
                    IntakeCatalog catalog = new IntakeCatalog(entityManager);
                    return "staged " + catalog.anyFileStaged() + ", batches being stored "
                            + catalog.filesBeingStored();
                })));
        assertThat(anyFileStaged(database)).as("before").isFalse();

        IntakeReceipt stored = intake.store(Deliveries.calls("test-ivr", "calls.csv", checksum('g'),
                calls(CHUNK * 2 + 500, "C-1", "2026-10-02T09:00:00"), List.of()));

        assertThat(stored.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(seenAfterEachChunk).hasSize(3).containsOnly("staged true, batches being stored []");
        assertThat(anyFileStaged(database)).as("once stored").isFalse();
    }

    /**
     * Autovacuum leaves the staging to the intake, which analyses what it stages and empties the tables itself: it
     * never analyses them, and vacuums them for deleted rows only once they pile up (stagings without a moment between
     * them), not after each file (the truncate at the end of a file waited for it, a second a partition). Every
     * staging table, each partition of the staged records included, says so.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void autovacuumLeavesTheStagingTablesToTheIntake(TestDatabase database) {
        on(database);

        List<?> settings = database.read(entityManager -> entityManager.createNativeQuery("""
                select c.relname, array_to_string(c.reloptions, ',') from pg_class c
                where c.relkind = 'r' and (c.relname like 'staged\\_%' or c.relname = 'intake_staged_key')
                order by c.relname""").getResultList());

        assertThat(settings).hasSize(4 * KeyBuckets.COUNT + 2);
        assertThat(settings).allSatisfy(row -> assertThat((String) ((Object[]) row)[1]).as((String) ((Object[]) row)[0])
                .contains("autovacuum_analyze_threshold=2147483647",
                        "autovacuum_vacuum_threshold=1000000", "autovacuum_vacuum_scale_factor=0"));
    }

    /**
     * A staging left half merged by a stopped process is still in the staging tables when another file is stored:
     * they are not emptied, and it is finished later with each of its rows counted once.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void aFileStoredBesideAStagingLeftHalfMergedLeavesItWhereItIsToBeFinishedLater(TestDatabase database) {
        on(database);
        Duration untouchedFor = Duration.ofMinutes(15);
        storeInAProcessKilledAfter(2, database, partedCalls('k'));
        long stagedLeft = stagedCalls(database);
        assertThat(stagedLeft).as("the part not merged").isPositive();

        IntakeReceipt other = intake(database).store(Deliveries.calls("other-ivr", "other.csv", checksum('o'),
                Deliveries.calls(500, "C-2", "2026-10-03T09:00:00"), List.of()));

        assertThat(other.rowsAccepted()).isEqualTo(500);
        assertThat(stagedCalls(database)).as("the half-merged file's staging untouched").isEqualTo(stagedLeft);
        List<IntakeReceipt> finished = new TransactionalIntake(database::read,
                Clock.offset(Clock.systemUTC(), untouchedFor.plusMinutes(1)), "another-process",
                new MergeParts(10_000, 1, MergeParts.PartHook.NONE)).finishHalfStored(untouchedFor);
        assertThat(finished).singleElement().satisfies(receipt -> {
            assertThat(receipt.status()).isEqualTo(BatchStatus.ACCEPTED);
            assertThat(receipt.rowsAccepted()).isEqualTo(PARTED_ROWS);
            assertThat(receipt.changes()).as("each call counted once")
                    .isEqualTo(new IntakeReceipt.Changes(PARTED_ROWS, 0, 0, 0));
        });
        assertThat(count(database, "Call")).isEqualTo(PARTED_ROWS + 500L);
        assertThat(stagingBytes(database)).as("emptied once the last staging was finished").isZero();
    }

    /**
     * Rows of no customer held are counted once each, however the file is cut into parts: a customer not (yet) held
     * and a row naming none alike.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "POSTGRESQL")
    void rowsOfNoCustomerHeldAreCountedOnceEachAcrossAFilesParts(TestDatabase database) {
        on(database);
        intake(database).store(Deliveries.customers("customers.csv", checksum('c'),
                List.of(Deliveries.customer(2, "C-0", "monthly"), Deliveries.customer(3, "C-1", "monthly"))));
        String[] customers = {"C-0", "C-1", "C-2", null};
        List<CallRecord> calls = IntStream.range(0, PARTED_ROWS).mapToObj(i -> call(i + 2, "K-" + i, customers[i % 4],
                LocalDateTime.parse("2026-10-02T09:00:00").plusMinutes(i))).toList();

        IntakeReceipt stored = new TransactionalIntake(database::read, Clock.systemUTC(), "process",
                new MergeParts(10_000, 1, MergeParts.PartHook.NONE))
                .store(Deliveries.calls("test-ivr", "calls.csv", checksum('u'), calls, List.of()));

        assertThat(stored.rowsAccepted()).isEqualTo(PARTED_ROWS);
        assertThat(stored.rowsUnmatched()).as("C-2's calls and the unknown callers'").isEqualTo(PARTED_ROWS / 2);
    }

    /** What the staging tables and their partitions take on disk, deleted rows' pages included. */
    private static long stagingBytes(TestDatabase database) {
        return database.read(entityManager -> ((Number) entityManager.createNativeQuery("""
                select coalesce(sum(pg_relation_size(c.oid)), 0) from pg_class c
                where c.relkind = 'r' and c.relname like 'staged\\_%'""").getSingleResult()).longValue());
    }

    private static long batchOf(TestDatabase database, int i) {
        return database.read(entityManager -> entityManager.createQuery(
                "select c.batch.id from Call c where c.recordKey = :key", Long.class)
                .setParameter("key", "K-" + i).getSingleResult());
    }

    private static boolean anyFileStaged(TestDatabase database) {
        return database.<Boolean>read(entityManager -> new IntakeCatalog(entityManager).anyFileStaged());
    }

    private static List<String> filesBeingStored(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).filesBeingStored());
    }

    private static Intake intake(TestDatabase database) {
        return new TransactionalIntake(database::read, Clock.systemUTC());
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the stopped process go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file of calls merged in three parts of 10,000 records: 25,000 calls and a quarantined row. */
    private static final int PARTED_ROWS = 25_000;

    private static Delivery partedCalls(char checksumLetter) {
        return Deliveries.calls("test-ivr", "calls.csv", checksum(checksumLetter),
                calls(PARTED_ROWS, "C-1", "2026-10-02T09:00:00"), List.of(Deliveries.badRow(7)));
    }

    /** Stores {@code delivery} a part of 10,000 records at a time in a process killed once {@code parts} are merged. */
    private static void storeInAProcessKilledAfter(int parts, TestDatabase database, Delivery delivery) {
        Intake killed = new TransactionalIntake(database::read, Clock.systemUTC(), "process-killed",
                new MergeParts(10_000, 1, merged -> {
                    if (merged == parts) {
                        throw new ProcessKilled();
                    }
                }));
        assertThatThrownBy(() -> killed.store(delivery)).isInstanceOf(ProcessKilled.class);
    }

    /** What a process stopped mid-file amounts to for the intake: it never comes back to its staging. */
    private static final class ProcessKilled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
