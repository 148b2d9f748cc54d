package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.engine.intake.Deliveries.call;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;
import static org.rapport.engine.intake.StreamingStoreTest.count;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Files that are not staged — every file on H2, customers on both databases — read and checked to their end, then
 * written a chunk per committed transaction: nothing of a file refused partway, a batch that counts for nothing
 * until its last chunk, and a file whose process stopped between chunks taken up from its next row when it is
 * delivered again, each row counted once.
 */
class ChunkedIntakeTest extends PersistenceSpec {

    /** Rows a transaction in these tests: a file of a few chunks stays small. */
    private static final int CHUNK = 10_000;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomersFileStoppedBetweenChunksIsTakenUpFromItsNextRowWhenDeliveredAgain(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        Delivery delivery = Deliveries.customers("customers.csv", checksum('a'), customers(rows));

        assertThatThrownBy(() -> stoppingAfter(database, 1).store(delivery)).isInstanceOf(ProcessKilled.class);

        SourceBatch left = onlyBatch(database);
        assertThat(left.getStatus()).isEqualTo(BatchStatus.BEING_STORED);
        assertThat(left.getRowsAccepted()).as("counted when the file was checked").isEqualTo(rows);
        assertThat(filesBeingStored(database)).as("what readiness holds the month's runs for")
                .containsExactly("test-crm customers.csv");
        assertThat(count(database, "Customer")).as("one chunk committed").isEqualTo(CHUNK);
        assertThat(ledger(database)).as("the ledger tells how far it got")
                .extracting(BatchEntry::status, BatchEntry::rowsWritten, BatchEntry::replayOf)
                .containsExactly(tuple("BEING_STORED", CHUNK, null));

        List<Integer> chunksAfterRestart = new ArrayList<>();
        IntakeReceipt again = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK,
                chunksAfterRestart::add).store(delivery);

        assertThat(chunksAfterRestart).as("only the chunks not committed before").containsExactly(1, 2);
        assertThat(again.batchId()).isEqualTo(left.getId());
        assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(again.rowsAccepted()).isEqualTo(rows);
        assertThat(again.changes()).as("each customer counted once").isEqualTo(new IntakeReceipt.Changes(rows, 0, 0, 0));
        assertThat(count(database, "Customer")).isEqualTo(rows);
        assertThat(count(database, "SourceBatch")).isEqualTo(1);
        assertThat(filesBeingStored(database)).isEmpty();
        assertThat(ledger(database)).extracting(BatchEntry::status, BatchEntry::rowsWritten)
                .containsExactly(tuple("ACCEPTED", null));
    }

    /**
     * The intake health's records held are remembered between changes of the ledger, not recounted at every chunk of a
     * file being written; once the file is accepted they are counted again, whatever was counted meanwhile.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void theRecordsHeldAreCountedAgainOnceAFileWrittenInChunksIsAccepted(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        HeldRecordsMemo memo = new HeldRecordsMemo();
        List<Long> heldWhileWritten = new ArrayList<>();
        new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> {
            if (committed == 1) {
                heldWhileWritten.add(database.read(entityManager -> new IntakeCatalog(entityManager, memo).health())
                        .get(0).recordsHeld());
            }
        }).store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('q'),
                Deliveries.calls(rows, "C-1", "2026-10-02T09:00:00"), List.of()));

        assertThat(heldWhileWritten).containsExactly((long) CHUNK);
        long heldOnceAccepted = database.read(entityManager -> new IntakeCatalog(entityManager, memo).health()).get(0)
                .recordsHeld();
        assertThat(heldOnceAccepted).isEqualTo(rows);
    }

    /**
     * Monitoring while the store is busy takes the records held as last counted, though the ledger moved: a recount
     * reads every record table, which the intake or the run would wait for. Asked for exact figures, the catalog
     * counts again; asked for the last before any count, it counts.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void monitoringWhileTheStoreIsBusyTakesTheRecordsHeldAsLastCounted(TestDatabase database) {
        on(database);
        HeldRecordsMemo memo = new HeldRecordsMemo();
        new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> { })
                .store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('r'),
                        Deliveries.calls(300, "C-1", "2026-10-02T09:00:00"), List.of()));
        long firstCount = heldAsLastCounted(database, memo);

        new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> { })
                .store(Deliveries.calls("test-ivr", "calls-11.csv", checksum('s'), IntStream.range(0, 200)
                        .mapToObj(i -> Deliveries.call(i + 2, "L-" + i, "C-2",
                                LocalDateTime.parse("2026-11-02T09:00:00").plusMinutes(i)))
                        .toList(), List.of()));
        long whileBusy = heldAsLastCounted(database, memo);
        long exact = database.read(entityManager -> new IntakeCatalog(entityManager, memo).health()).get(0)
                .recordsHeld();

        assertThat(firstCount).as("no count made yet: counted").isEqualTo(300);
        assertThat(whileBusy).as("as last counted, though a file was stored since").isEqualTo(300);
        assertThat(exact).isEqualTo(500);
        assertThat(heldAsLastCounted(database, memo)).as("the exact count is the last count now").isEqualTo(500);
    }

    private static long heldAsLastCounted(TestDatabase database, HeldRecordsMemo memo) {
        return database.read(entityManager -> new IntakeCatalog(entityManager, memo).health(true)).get(0)
                .recordsHeld();
    }

    /**
     * Calls the source gives no id are known by their content and occurrence: the file taken up after its first chunk
     * numbers its equal rows on from where the stopped process got to, so none is taken for one stored before.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void onH2ACallsFileTakenUpAfterAStopKeysEachEqualRowAsItsFirstReadingDid(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        LocalDateTime sameTime = LocalDateTime.parse("2026-10-02T09:00:00");
        // the same call again and again, with no id, and a bad row every 7,000th
        Delivery delivery = new Delivery(SourceKind.CALLS, "test-ivr", "calls.csv", checksum('b'), null, sink -> {
            for (int i = 0; i < rows; i++) {
                if (i % 7_000 == 0) {
                    sink.quarantine(Deliveries.badRow(i + 2));
                } else {
                    sink.record(call(i + 2, null, "C-1", sameTime));
                }
            }
            return null;
        });
        int quarantined = (rows + 6_999) / 7_000;

        assertThatThrownBy(() -> stoppingAfter(database, 1).store(delivery)).isInstanceOf(ProcessKilled.class);

        assertThat(onlyBatch(database).getStatus()).isEqualTo(BatchStatus.BEING_STORED);
        assertThat(count(database, "Call") + count(database, "QuarantinedRecord")).as("one chunk's rows committed")
                .isEqualTo(CHUNK);

        IntakeReceipt again = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK,
                StagingSink.ChunkHook.NONE).store(delivery);

        assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(again.rowsAccepted()).isEqualTo(rows - quarantined);
        assertThat(again.rowsQuarantined()).isEqualTo(quarantined);
        assertThat(again.changes()).as("each equal call a record of its own, counted once")
                .isEqualTo(new IntakeReceipt.Changes(rows - quarantined, 0, 0, 0));
        assertThat(count(database, "Call")).isEqualTo(rows - quarantined);
        assertThat(count(database, "QuarantinedRecord")).isEqualTo(quarantined);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomersFileCutOffMidRowIsRefusedBeforeAChunkIsWritten(TestDatabase database) {
        on(database);
        List<Integer> chunksWritten = new ArrayList<>();
        Delivery cutOff = new Delivery(SourceKind.CUSTOMERS, "test-crm", "customers.csv", checksum('c'), null, sink -> {
            customers(CHUNK * 2).forEach(sink::record);
            return new QuarantinedRow(CHUNK * 2L + 2, QuarantinedRow.WHOLE_RECORD, "the file ends inside a row",
                    "C-");
        });

        IntakeReceipt receipt = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK,
                chunksWritten::add).store(cutOff);

        assertThat(receipt.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(chunksWritten).as("no chunk written, let alone committed").isEmpty();
        assertThat(count(database, "Customer")).isZero();
        assertThat(count(database, "SourceBatch")).as("only the rejection's ledger entry").isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void customersGivingAccountNumbersWithNoKeyToKeepThemAreRefusedBeforeAnythingIsWritten(TestDatabase database) {
        on(database);
        List<CustomerRecord> customers = new ArrayList<>(customers(CHUNK + 10));
        customers.add(new CustomerRecord(CHUNK + 12, "C-last", "one-year", "north", "high", LocalDate.of(2020, 5, 1),
                CustomerStatus.ACTIVE, null, null, new BigDecimal("840.00"), "phone", true, true, "GB00-1234", null));

        assertThatThrownBy(() -> new TransactionalIntake(database::read, Clock.systemUTC())
                .store(Deliveries.customers("customers.csv", checksum('d'), customers)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Customers come with account or telephone numbers but no identifier key is configured to"
                        + " keep them");

        assertThat(count(database, "Customer")).isZero();
        assertThat(count(database, "SourceBatch")).as("a fault is retried, not recorded").isZero();
    }

    /**
     * A file left half written whose file is not delivered again (taken out of the inbox, say) would hold its month
     * for ever: a corrected file of the same name, delivered instead, takes its place as it takes an accepted one's.
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void onH2ACorrectedFileOfTheSameNameTakesThePlaceOfOneLeftHalfWritten(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        assertThatThrownBy(() -> stoppingAfter(database, 1).store(Deliveries.calls("test-ivr", "calls-10.csv",
                checksum('f'), Deliveries.calls(rows, "C-1", "2026-10-02T09:00:00"), List.of())))
                .isInstanceOf(ProcessKilled.class);
        SourceBatch left = onlyBatch(database);
        // the corrected file repeats the first 100 calls and brings 100 others
        List<CallRecord> corrected = new ArrayList<>(Deliveries.calls(100, "C-1", "2026-10-02T09:00:00"));
        IntStream.range(0, 100).forEach(i -> corrected.add(call(i + 102, "N-" + i, "C-2",
                LocalDateTime.parse("2026-10-03T09:00:00").plusMinutes(i))));

        IntakeReceipt receipt = new TransactionalIntake(database::read, Clock.systemUTC())
                .store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('g'), corrected, List.of()));

        assertThat(receipt.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(receipt.replaced()).containsExactly(left.getId());
        assertThat(receipt.changes()).as("the calls the half-written file committed and the corrected one no longer"
                + " carries withdrawn").isEqualTo(new IntakeReceipt.Changes(100, 0, 100, CHUNK - 100));
        assertThat(batch(database, left.getId())).extracting(SourceBatch::getStatus, SourceBatch::getReplacedBy)
                .containsExactly(BatchStatus.REPLACED, receipt.batchId());
        assertThat(count(database, "Call")).isEqualTo(200);
        assertThat(filesBeingStored(database)).as("nothing holds the month any more").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCustomersFileLeftHalfWrittenIsReplacedByACorrectedFileOfTheSameName(TestDatabase database) {
        on(database);
        assertThatThrownBy(() -> stoppingAfter(database, 1).store(Deliveries.customers("customers.csv", checksum('h'),
                customers(CHUNK + 500)))).isInstanceOf(ProcessKilled.class);
        SourceBatch left = onlyBatch(database);

        IntakeReceipt receipt = new TransactionalIntake(database::read, Clock.systemUTC())
                .store(Deliveries.customers("customers.csv", checksum('i'), List.of(customer(2, "C-0", "two-year"))));

        assertThat(receipt.replaced()).containsExactly(left.getId());
        assertThat(batch(database, left.getId()).getStatus()).isEqualTo(BatchStatus.REPLACED);
        assertThat(count(database, "Customer")).as("customers are never deleted: the chunk written stays")
                .isEqualTo(CHUNK);
        assertThat(filesBeingStored(database)).isEmpty();
    }

    /** A batch an intake of this process is writing is not taken for one left half written. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileOfTheSameNameDoesNotTakeThePlaceOfOneBeingWrittenNow(TestDatabase database) {
        on(database);
        List<IntakeReceipt> meanwhile = new ArrayList<>();
        Delivery corrected = Deliveries.customers("customers.csv", checksum('m'),
                List.of(customer(2, "C-0", "two-year")));
        IntakeReceipt first = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> {
            if (committed == 1) {
                meanwhile.add(new TransactionalIntake(database::read, Clock.systemUTC()).store(corrected));
            }
        }).store(Deliveries.customers("customers.csv", checksum('l'), customers(CHUNK + 500)));

        assertThat(meanwhile).hasSize(1);
        assertThat(meanwhile.get(0).replaced()).as("the batch being written is not taken for one left").isEmpty();
        assertThat(first.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(first.replaced()).as("the file that came meanwhile, accepted before it").hasSize(1);
    }

    /** A replay (the kept file read again after a mapping fix) is no longer one transaction as long as the file. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayIsWrittenAChunkPerTransactionAndThenTakesThePlaceOfTheBatchItReplays(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        IntakeReceipt stored = new TransactionalIntake(database::read, Clock.systemUTC()).store(keptCalls(rows, 10));
        List<Integer> chunks = new ArrayList<>();

        // the mapping was fixed: the ten rows first quarantined now map
        IntakeReceipt replayed = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, chunks::add)
                .replay(stored.batchId(), keptCalls(rows + 10, 0));

        assertThat(chunks).as("a transaction a chunk").containsExactly(1, 2, 3);
        assertThat(replayed.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(replayed.replaced()).containsExactly(stored.batchId());
        assertThat(replayed.changes()).as("the calls stored before taken over, the ten mapped now added")
                .isEqualTo(new IntakeReceipt.Changes(10, 0, rows, 0));
        assertThat(batch(database, stored.batchId())).extracting(SourceBatch::getStatus, SourceBatch::getReplacedBy)
                .containsExactly(BatchStatus.REPLACED, replayed.batchId());
        assertThat(count(database, "Call")).isEqualTo(rows + 10);
        assertThat(count(database, "QuarantinedRecord")).isZero();
        assertThat(callsOf(database, replayed.batchId())).as("every call now the replay's").isEqualTo(rows + 10);
    }

    /**
     * A replay counts the rows of no customer held as a file's first storing does, on either database: the chunk's
     * customers are looked up in the customers table (on PostgreSQL one by one, not as one list, which it answered with
     * a scan of the whole table).
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayCountsTheRowsOfNoCustomerHeldAcrossItsChunks(TestDatabase database) {
        on(database);
        new TransactionalIntake(database::read, Clock.systemUTC()).store(Deliveries.customers("customers.csv",
                checksum('c'), IntStream.range(0, 300).mapToObj(i -> customer(i + 2, "C-" + i, "one-year")).toList()));
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < CHUNK + 600; i++) {
            // callers C-0 … C-599: the first 300 held, the others not; every tenth call of no caller at all
            String caller = i % 10 == 9 ? null : "C-" + (i % 600);
            calls.add(call(i + 2, "K-" + i, caller, LocalDateTime.parse("2026-10-02T09:00:00").plusSeconds(i)));
        }
        long noCustomer = calls.stream().filter(call -> call.customerRef() == null
                || Integer.parseInt(call.customerRef().substring(2)) >= 300).count();
        IntakeReceipt stored = new TransactionalIntake(database::read, Clock.systemUTC()).store(Deliveries.calls(
                "test-ivr", "calls-10.csv", checksum('k'), calls, List.of()));

        IntakeReceipt replayed = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, chunks -> { })
                .replay(stored.batchId(), Deliveries.calls("test-ivr", "calls-10.csv", checksum('k'), calls,
                        List.of()));

        assertThat(noCustomer).as("the file as made").isEqualTo(5_740);
        assertThat(stored.rowsUnmatched()).isEqualTo(noCustomer);
        assertThat(replayed.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(replayed.rowsUnmatched()).as("counted across the replay's two chunks").isEqualTo(noCustomer);
    }

    /**
     * A replay stopped between chunks leaves the batch it replays accepted and counting (a delivery of the same file
     * is still its duplicate); replaying that batch again goes on from the next row.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayStoppedBetweenChunksIsTakenUpFromItsNextRowWhenTheBatchIsReplayedAgain(TestDatabase database) {
        on(database);
        int rows = CHUNK * 2 + 500;
        Intake intake = new TransactionalIntake(database::read, Clock.systemUTC());
        IntakeReceipt stored = replayStoppedAfterOneChunk(database, rows);

        assertThat(batch(database, stored.batchId()).getStatus()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(filesBeingStored(database)).as("what readiness holds the month's runs for")
                .containsExactly("test-ivr calls-10.csv");
        assertThat(intake.store(keptCalls(rows, 10)).duplicateOf()).as("the same file delivered again meanwhile")
                .isEqualTo(stored.batchId());
        assertThat(ledger(database)).filteredOn(entry -> entry.status().equals("BEING_STORED"))
                .extracting(BatchEntry::rowsWritten, BatchEntry::replayOf)
                .containsExactly(tuple(CHUNK, stored.batchId()));

        List<Integer> chunksAfterRestart = new ArrayList<>();
        IntakeReceipt again = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK,
                chunksAfterRestart::add).replay(stored.batchId(), keptCalls(rows + 10, 0));

        assertThat(chunksAfterRestart).as("only the chunks not committed before").containsExactly(1, 2);
        assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(again.replaced()).containsExactly(stored.batchId());
        assertThat(again.changes()).as("each call counted once").isEqualTo(new IntakeReceipt.Changes(10, 0, rows, 0));
        assertThat(batch(database, stored.batchId()).getStatus()).isEqualTo(BatchStatus.REPLACED);
        assertThat(count(database, "Call")).isEqualTo(rows + 10);
        assertThat(callsOf(database, again.batchId())).isEqualTo(rows + 10);
        assertThat(count(database, "SourceBatch")).as("the first delivery, its duplicate and the one replay")
                .isEqualTo(3);
        assertThat(filesBeingStored(database)).isEmpty();
    }

    /** A replay left half written, never replayed again, does not hold its month once a corrected file comes. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCorrectedFileOfTheSameNameTakesThePlaceOfTheBatchAndOfItsReplayLeftHalfWritten(TestDatabase database) {
        on(database);
        IntakeReceipt stored = replayStoppedAfterOneChunk(database, CHUNK * 2 + 500);
        long replay = ledger(database).stream().filter(entry -> entry.status().equals("BEING_STORED")).findFirst()
                .orElseThrow().id();

        IntakeReceipt corrected = new TransactionalIntake(database::read, Clock.systemUTC())
                .store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('n'),
                        Deliveries.calls(100, "C-1", "2026-10-02T09:00:00"), List.of()));

        assertThat(corrected.replaced()).containsExactly(stored.batchId(), replay);
        assertThat(batch(database, replay)).extracting(SourceBatch::getStatus, SourceBatch::getReplacedBy)
                .containsExactly(BatchStatus.REPLACED, corrected.batchId());
        assertThat(count(database, "Call")).isEqualTo(100);
        assertThat(filesBeingStored(database)).isEmpty();
    }

    /**
     * Stores a kept file of {@code rows} calls (ten more rows quarantined), then replays it with those ten mapped,
     * stopped after its first chunk; returns the stored file's receipt.
     */
    private static IntakeReceipt replayStoppedAfterOneChunk(TestDatabase database, int rows) {
        IntakeReceipt stored = new TransactionalIntake(database::read, Clock.systemUTC()).store(keptCalls(rows, 10));
        assertThatThrownBy(() -> stoppingAfter(database, 1).replay(stored.batchId(), keptCalls(rows + 10, 0)))
                .isInstanceOf(ProcessKilled.class);
        return stored;
    }

    /** {@code count} one-year customers C-0, C-1, … on lines 2, 3, … */
    private static List<CustomerRecord> customers(int count) {
        return IntStream.range(0, count).mapToObj(i -> customer(i + 2, "C-" + i, "one-year")).toList();
    }

    /** A file of calls kept after intake, {@code bad} rows at its end quarantined. */
    private static Delivery keptCalls(int calls, int bad) {
        return Deliveries.calls("test-ivr", "calls-10.csv", checksum('k'), Deliveries.calls(calls, "C-1",
                "2026-10-02T09:00:00"), IntStream.range(0, bad).mapToObj(i -> Deliveries.badRow(calls + i + 2L))
                .toList());
    }

    private static SourceBatch batch(TestDatabase database, long id) {
        return database.read(entityManager -> entityManager.find(SourceBatch.class, id));
    }

    private static long callsOf(TestDatabase database, long batchId) {
        return database.read(entityManager -> entityManager.createQuery(
                "select count(c) from Call c where c.batch.id = :batch", Long.class)
                .setParameter("batch", batchId).getSingleResult());
    }

    /** Two intakes taking up the same half-written file cannot both commit a chunk after the same row. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChunkWrittenAfterRowsAnotherIntakeCommittedIsNotCommitted(TestDatabase database) {
        on(database);
        List<FileChunks.Chunk> chunks = new ArrayList<>();
        FileChunks cutting = new FileChunks(0, CHUNK, chunks::add);
        customers(CHUNK + 5).forEach(cutting::record);
        cutting.finish();
        FileCheck checked = new FileCheck(false);
        customers(CHUNK + 5).forEach(checked::record);
        Delivery delivery = Deliveries.customers("customers.csv", checksum('e'), List.of());
        long batchId = database.read(entityManager -> new BatchStore(entityManager, Clock.systemUTC())
                .openChunked(delivery, checked));
        database.read(entityManager -> {
            new BatchStore(entityManager, Clock.systemUTC())
                    .writeChunk(batchId, 0, chunks.get(0), new KnownCustomers());
            return null;
        });

        assertThatThrownBy(() -> database.read(entityManager -> {
            new BatchStore(entityManager, Clock.systemUTC())
                    .writeChunk(batchId, 0, chunks.get(1), new KnownCustomers());
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessage("Batch " + batchId
                + " was written by another intake meanwhile");

        assertThat(count(database, "Customer")).as("the first chunk only").isEqualTo(CHUNK);
        int committed = database.read(entityManager -> ((Number) entityManager.createNativeQuery(
                "select rows_committed from source_batch where id = " + batchId).getSingleResult()).intValue());
        assertThat(committed).isEqualTo(CHUNK);
    }

    /**
     * A file remembers the customers it found known instead of looking them up again in every chunk; a customer it did
     * not find is looked up again, so one stored while the file is written matches the file's later rows. (On
     * PostgreSQL a calls file is staged whole and its rows matched when it is merged.)
     */
    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aCustomerStoredWhileACallsFileIsWrittenMatchesTheFilesLaterChunks(TestDatabase database) {
        on(database);
        new TransactionalIntake(database::read, Clock.systemUTC())
                .store(Deliveries.customers("customers.csv", checksum('p'), List.of(customer(2, "C-0", "one-year"))));
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < CHUNK + 300; i++) {
            // the first chunk: the known C-0 and the unknown C-1 in turn; after it C-1 only
            String caller = i < CHUNK && i % 2 == 0 ? "C-0" : "C-1";
            calls.add(call(i + 2, "K-" + i, caller, LocalDateTime.parse("2026-10-02T09:00:00").plusSeconds(i)));
        }
        Intake intake = new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> {
            if (committed == 1) {
                new TransactionalIntake(database::read, Clock.systemUTC()).store(Deliveries.customers(
                        "customers-2.csv", checksum('q'), List.of(customer(2, "C-1", "one-year"))));
            }
        });

        IntakeReceipt receipt = intake.store(Deliveries.calls("test-ivr", "calls-10.csv", checksum('r'), calls,
                List.of()));

        assertThat(receipt.status()).isEqualTo(BatchStatus.ACCEPTED);
        SourceBatch batch = database.read(entityManager -> entityManager.find(SourceBatch.class, receipt.batchId()));
        assertThat(batch.getRowsUnmatched()).as("C-1's calls before C-1 was stored").isEqualTo(CHUNK / 2);
    }

    @Test
    void aFileRemembersAtMostALimitedNumberOfKnownCustomers() {
        KnownCustomers known = new KnownCustomers();

        known.remember(IntStream.range(0, KnownCustomers.LIMIT + 10).mapToObj(i -> "C-" + i).toList());

        assertThat(known.size()).isEqualTo(KnownCustomers.LIMIT);
        assertThat(known.knows("C-0")).isTrue();
        assertThat(known.knows("C-" + KnownCustomers.LIMIT)).as("looked up again when named").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aChunkOfNoRowsIsRefusedWhenTheIntakeIsMade(TestDatabase database) {
        on(database);
        assertThatThrownBy(() -> new TransactionalIntake(database::read, Clock.systemUTC(), null, Thread::new, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The rows written a transaction must be at least 1, not 0");
    }

    private static Intake stoppingAfter(TestDatabase database, int chunks) {
        return new TransactionalIntake(database::read, Clock.systemUTC(), CHUNK, committed -> {
            if (committed == chunks) {
                throw new ProcessKilled();
            }
        });
    }

    private static SourceBatch onlyBatch(TestDatabase database) {
        return database.read(entityManager -> entityManager.createQuery("select b from SourceBatch b",
                SourceBatch.class).getSingleResult());
    }

    private static List<BatchEntry> ledger(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).batches(10));
    }

    private static List<String> filesBeingStored(TestDatabase database) {
        return database.read(entityManager -> new IntakeCatalog(entityManager).filesBeingStored());
    }

    /** What a process stopped mid-file amounts to for the intake: it never comes back to the file. */
    private static final class ProcessKilled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
