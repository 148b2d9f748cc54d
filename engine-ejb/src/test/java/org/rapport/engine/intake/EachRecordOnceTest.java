package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.intake.Deliveries.call;
import static org.rapport.engine.intake.Deliveries.checksum;
import static org.rapport.engine.intake.Deliveries.customer;
import static org.rapport.engine.intake.StreamingStoreTest.count;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.Call;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.purchase.Purchase;
import org.rapport.engine.servicecase.ServiceCase;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.survey.SurveyResponse;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * A record a source delivered before is stored once whatever file it comes in again: overlapping
 * extracts of every kind update what changed and leave the rest, and the ledger says which.
 */
class EachRecordOnceTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void callsDroppedAgainUnderAnotherNameAreNotStoredAgain(TestDatabase database) {
        Intake intake = intake(on(database));
        List<CallRecord> month = calls(0, 2_500);
        intake.store(delivery(SourceKind.CALLS, "file-drop/calls", "calls.csv", checksum('a'), month));

        IntakeReceipt again = intake.store(delivery(SourceKind.CALLS, "file-drop/calls", "calls-first-500.csv",
                checksum('b'), month.subList(0, 500)));

        assertThat(again.status()).isEqualTo(BatchStatus.ACCEPTED);
        assertThat(again.rowsAccepted()).isEqualTo(500);
        assertThat(again.changes()).isEqualTo(new IntakeReceipt.Changes(0, 0, 500, 0));
        assertThat(count(database, "Call")).as("October still has 2,500 calls").isEqualTo(2_500);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anOverlappingCallsExtractAddsTheNewCallsAndUpdatesTheChangedOne(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt monday = intake.store(delivery(SourceKind.CALLS, "pbx", "calls-mon.csv", checksum('a'),
                calls(0, 10)));
        List<CallRecord> tuesday = new ArrayList<>(calls(5, 15));
        // K-7 was still in the queue when Monday's extract was taken: Tuesday's says it was answered later
        tuesday.set(2, new CallRecord(4, "K-7", "C-7", start(7), 30, 95, 410, org.rapport.engine.contact.CallOutcome.ANSWERED,
                true, 1, 0, Boolean.TRUE, "phone"));

        IntakeReceipt receipt = intake.store(delivery(SourceKind.CALLS, "pbx", "calls-tue.csv", checksum('b'),
                tuesday));

        assertThat(receipt.changes()).isEqualTo(new IntakeReceipt.Changes(5, 1, 4, 0));
        assertThat(count(database, "Call")).isEqualTo(15);
        Call updated = storedCall(database, "pbx", "K-7");
        assertThat(updated.getQueueSeconds()).as("the newer values win").isEqualTo(95);
        assertThat(updated.getBatch().getId()).as("set last by Tuesday's file").isEqualTo(receipt.batchId());
        assertThat(storedCall(database, "pbx", "K-6").getBatch().getId()).as("unchanged, still Monday's")
                .isEqualTo(monday.batchId());
        BatchEntry ledger = intake.find(receipt.batchId()).orElseThrow();
        assertThat(ledger.changes()).isEqualTo(new IntakeReceipt.Changes(5, 1, 4, 0));
        assertThat(ledger.rowsAccepted()).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSameKeyFromAnotherSourceIsAnotherRecord(TestDatabase database) {
        Intake intake = intake(on(database));
        intake.store(delivery(SourceKind.CALLS, "pbx-north", "calls.csv", checksum('a'), calls(0, 5)));

        IntakeReceipt south = intake.store(delivery(SourceKind.CALLS, "pbx-south", "calls.csv", checksum('b'),
                calls(0, 5)));

        assertThat(south.changes().added()).isEqualTo(5);
        assertThat(count(database, "Call")).isEqualTo(10);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void overlappingSurveyExtractsStoreEachResponseOnce(TestDatabase database) {
        Intake intake = intake(on(database));
        intake.store(delivery(SourceKind.SURVEY_RESPONSES, "qualtrics", "responses-1.csv", checksum('a'),
                List.of(response("R-1", 9, null), response("R-2", 3, null), response("R-3", 7, null))));

        IntakeReceipt receipt = intake.store(delivery(SourceKind.SURVEY_RESPONSES, "qualtrics", "responses-2.csv",
                checksum('b'), List.of(response("R-2", 3, null), response("R-3", 7, "came back to add a comment"),
                        response("R-4", 10, null))));

        assertThat(receipt.changes()).isEqualTo(new IntakeReceipt.Changes(1, 1, 1, 0));
        assertThat(count(database, "SurveyResponse")).isEqualTo(4);
        String comment = database.read(entityManager -> entityManager.createQuery(
                "select r.comment from SurveyResponse r where r.responseRef = 'R-3'", String.class).getSingleResult());
        assertThat(comment).isEqualTo("came back to add a comment");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void overlappingServiceCaseExtractsStoreEachCaseOnceByItsTicket(TestDatabase database) {
        Intake intake = intake(on(database));
        intake.store(delivery(SourceKind.SERVICE_CASES, "crm-cases", "cases-1.csv", checksum('a'),
                List.of(serviceCase("T-1", null), serviceCase("T-2", null))));

        IntakeReceipt receipt = intake.store(delivery(SourceKind.SERVICE_CASES, "crm-cases", "cases-2.csv",
                checksum('b'), List.of(serviceCase("T-2", "2026-10-06T10:00:00Z"), serviceCase("T-3", null))));

        assertThat(receipt.changes()).as("T-2 was closed since").isEqualTo(new IntakeReceipt.Changes(1, 1, 0, 0));
        assertThat(count(database, "ServiceCase")).isEqualTo(3);
        Instant closedAt = database.read(entityManager -> entityManager.createQuery(
                "select c.closedAt from ServiceCase c where c.recordKey = 'T-2'", Instant.class).getSingleResult());
        assertThat(closedAt).isEqualTo(Instant.parse("2026-10-06T10:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void serviceCasesWithoutATicketAreKnownByTheirContent(TestDatabase database) {
        Intake intake = intake(on(database));
        intake.store(delivery(SourceKind.SERVICE_CASES, "regulator", "complaints-1.csv", checksum('a'),
                List.of(serviceCase(null, null), complaint("2026-10-08T09:00:00Z"))));

        IntakeReceipt receipt = intake.store(delivery(SourceKind.SERVICE_CASES, "regulator", "complaints-2.csv",
                checksum('b'), List.of(complaint("2026-10-08T09:00:00Z"), complaint("2026-10-09T09:00:00Z"))));

        assertThat(receipt.changes()).isEqualTo(new IntakeReceipt.Changes(1, 0, 1, 0));
        assertThat(count(database, "ServiceCase")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void overlappingPurchaseExtractsStoreEachPurchaseOnceByItsId(TestDatabase database) {
        Intake intake = intake(on(database));
        intake.store(delivery(SourceKind.PURCHASES, "billing", "purchases-1.csv", checksum('a'),
                List.of(purchase("P-1", "C-1", "12.50"), purchase("P-2", "C-2", "30.00"))));

        IntakeReceipt receipt = intake.store(delivery(SourceKind.PURCHASES, "billing", "purchases-2.csv",
                checksum('b'), List.of(purchase("P-2", "C-2", "30"), purchase("P-3", "C-1", "5.00"))));

        assertThat(receipt.changes()).as("30 and 30.00 are one amount").isEqualTo(new IntakeReceipt.Changes(1, 0, 1, 0));
        assertThat(count(database, "Purchase")).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void purchasesWithoutAnIdAreKnownByContentAndEqualPurchasesInOneFileStayApart(TestDatabase database) {
        Intake intake = intake(on(database));
        // two equal top-ups on one day are two purchases
        List<PurchaseRecord> first = List.of(purchase(null, "C-1", "10.00"), purchase(null, "C-1", "10.00"),
                purchase(null, "C-2", "44.35"));
        IntakeReceipt stored = intake.store(delivery(SourceKind.PURCHASES, "shop", "purchases-1.csv", checksum('a'),
                first));

        IntakeReceipt overlapping = intake.store(delivery(SourceKind.PURCHASES, "shop", "purchases-2.csv",
                checksum('b'), List.of(purchase(null, "C-1", "10.00"), purchase(null, "C-1", "10.00"),
                        purchase(null, "C-1", "10.00"), purchase(null, "C-3", "7.99"))));

        assertThat(stored.changes().added()).isEqualTo(3);
        assertThat(overlapping.changes()).as("a third top-up and C-3's purchase are new")
                .isEqualTo(new IntakeReceipt.Changes(2, 0, 2, 0));
        assertThat(count(database, "Purchase")).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void overlappingCustomerExtractsUpdateEachCustomerOnceAndSayWhichBatchSetIt(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt first = intake.store(Deliveries.customers("customers-1.csv", checksum('a'),
                List.of(customer(2, "C-1", "one-year"), customer(3, "C-2", "monthly"))));

        IntakeReceipt second = intake.store(Deliveries.customers("customers-2.csv", checksum('b'),
                List.of(customer(2, "C-2", "two-year"), customer(3, "C-1", "one-year"), customer(4, "C-3", "monthly"))));

        assertThat(second.changes()).isEqualTo(new IntakeReceipt.Changes(1, 1, 1, 0));
        assertThat(count(database, "Customer")).isEqualTo(3);
        Customer moved = customerOf(database, "C-2");
        assertThat(moved.getSegment()).isEqualTo("two-year");
        assertThat(moved.getLastSetByBatch()).isEqualTo(second.batchId());
        assertThat(customerOf(database, "C-1").getLastSetByBatch()).isEqualTo(first.batchId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCorrectedFileTakesOverWhatItRepeatsAndWithdrawsWhatItDropped(TestDatabase database) {
        Intake intake = intake(on(database));
        IntakeReceipt monday = intake.store(delivery(SourceKind.CALLS, "pbx", "calls-mon.csv", checksum('a'),
                calls(0, 6)));
        IntakeReceipt tuesday = intake.store(delivery(SourceKind.CALLS, "pbx", "calls-tue.csv", checksum('b'),
                List.of(changed(call(2, "K-5", "C-5", start(5))), call(3, "K-6", "C-6", start(6)))));

        // Monday's file sent again, corrected: K-4 was a test call and is gone, K-5 as well
        IntakeReceipt corrected = intake.store(delivery(SourceKind.CALLS, "pbx", "calls-mon.csv", checksum('c'),
                calls(0, 4)));

        assertThat(corrected.replaced()).containsExactly(monday.batchId());
        assertThat(corrected.changes()).isEqualTo(new IntakeReceipt.Changes(0, 0, 4, 1));
        assertThat(keys(database)).as("K-4 withdrawn; K-5 was set by Tuesday's file since and stays")
                .containsExactly("K-0", "K-1", "K-2", "K-3", "K-5", "K-6");
        assertThat(storedCall(database, "pbx", "K-0").getBatch().getId()).isEqualTo(corrected.batchId());
        assertThat(storedCall(database, "pbx", "K-5").getBatch().getId()).isEqualTo(tuesday.batchId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayTakesBackItsOwnRecordsButNotWhatALaterFileSet(TestDatabase database) {
        Intake intake = intake(on(database));
        List<CallRecord> monday = calls(0, 4);
        IntakeReceipt stored = intake.store(delivery(SourceKind.CALLS, "pbx", "calls-mon.csv", checksum('a'),
                monday));
        intake.store(delivery(SourceKind.CALLS, "pbx", "calls-tue.csv", checksum('b'),
                List.of(changed(call(2, "K-3", "C-3", start(3))))));

        // the mapping was fixed: Monday's file read again now also maps K-4
        List<CallRecord> replayed = new ArrayList<>(monday);
        replayed.add(call(6, "K-4", "C-4", start(4)));
        IntakeReceipt replay = intake.replay(stored.batchId(), delivery(SourceKind.CALLS, "pbx", "calls-mon.csv",
                checksum('a'), replayed));

        assertThat(replay.changes()).isEqualTo(new IntakeReceipt.Changes(1, 0, 4, 0));
        assertThat(count(database, "Call")).isEqualTo(5);
        assertThat(storedCall(database, "pbx", "K-3").getQueueSeconds()).as("Tuesday's newer values stay").isEqualTo(999);
        assertThat(storedCall(database, "pbx", "K-0").getBatch().getId()).isEqualTo(replay.batchId());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aKeyGivenTwiceInOneFileIsOneRecordWithTheLaterValues(TestDatabase database) {
        Intake intake = intake(on(database));
        List<CallRecord> calls = new ArrayList<>(calls(0, BatchWriter.FLUSH_EVERY + 5));
        // once in the same chunk, once in the next
        calls.add(changed(call(9_000, "K-1", "C-1", start(1))));
        calls.add(3, changed(call(5, "K-0", "C-0", start(0))));

        IntakeReceipt receipt = intake.store(delivery(SourceKind.CALLS, "pbx", "calls.csv", checksum('a'), calls));

        assertThat(receipt.rowsAccepted()).isEqualTo(BatchWriter.FLUSH_EVERY + 7);
        assertThat(receipt.changes()).isEqualTo(new IntakeReceipt.Changes(BatchWriter.FLUSH_EVERY + 5, 2, 0, 0));
        assertThat(count(database, "Call")).isEqualTo(BatchWriter.FLUSH_EVERY + 5);
        assertThat(storedCall(database, "pbx", "K-0").getQueueSeconds()).isEqualTo(999);
        assertThat(storedCall(database, "pbx", "K-1").getQueueSeconds()).isEqualTo(999);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storedValuesReadBackAsDelivered(TestDatabase database) {
        Intake intake = intake(on(database));
        CallRecord delivered = new CallRecord(2, "K-1", null, LocalDateTime.parse("2026-10-31T23:59:58"), 12, 0, 0,
                org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR, false, 0, 2, null, null);
        intake.store(delivery(SourceKind.CALLS, "pbx", "calls.csv", checksum('a'), List.of(delivered)));
        intake.store(delivery(SourceKind.PURCHASES, "shop", "p.csv", checksum('b'), List.of(purchase("P-1", "C-1",
                "1234.56"))));

        Call call = storedCall(database, "pbx", "K-1");
        assertThat(call.getStartedAt()).isEqualTo(delivered.startedAt());
        assertThat(call.getCustomerRef()).isNull();
        assertThat(call.getAgentSawHistory()).isNull();
        assertThat(call.getOutcome()).isEqualTo(delivered.outcome());
        assertThat(call.getTimesReidentified()).isEqualTo(2);
        Purchase purchase = database.read(entityManager -> entityManager.createQuery("select p from Purchase p",
                Purchase.class).getSingleResult());
        assertThat(purchase.getPurchasedOn()).isEqualTo(LocalDate.of(2026, 10, 4));
        assertThat(purchase.getAmount()).isEqualByComparingTo("1234.56");
        assertThat(purchase.getRecordKey()).isEqualTo("P-1");
        assertThat(purchase.getSource()).isEqualTo("shop");
    }

    static List<CallRecord> calls(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> call(i - from + 2, "K-" + i, "C-" + i, start(i))).toList();
    }

    static LocalDateTime start(int i) {
        return LocalDateTime.parse("2026-10-02T09:00:00").plusMinutes(i);
    }

    private static CallRecord changed(CallRecord call) {
        return new CallRecord(call.line(), call.callRef(), call.customerRef(), call.startedAt(), call.ivrSeconds(),
                999, call.talkSeconds(), call.outcome(), call.wantedAgent(), call.transfers(),
                call.timesReidentified(), call.agentSawHistory(), call.channel());
    }

    private static SurveyResponseRecord response(String ref, int nps, String comment) {
        return new SurveyResponseRecord(2, ref, "C-1", LocalDateTime.parse("2026-10-03T10:00:00"), "relationship",
                "call", nps, null, null, comment);
    }

    private static ServiceCaseRecord serviceCase(String ticket, String closedAt) {
        return new ServiceCaseRecord(2, ticket, "C-1", Instant.parse("2026-10-05T09:00:00Z"),
                closedAt == null ? null : Instant.parse(closedAt), "phone", ServiceCaseKind.COMPLAINT, "billing",
                "charged twice");
    }

    private static ServiceCaseRecord complaint(String openedAt) {
        return new ServiceCaseRecord(2, null, null, Instant.parse(openedAt), null, "web", ServiceCaseKind.COMPLAINT,
                null, "slow internet");
    }

    private static PurchaseRecord purchase(String id, String customer, String amount) {
        return new PurchaseRecord(2, id, customer, LocalDate.of(2026, 10, 4), new BigDecimal(amount), "top-up");
    }

    static Delivery delivery(SourceKind kind, String source, String fileName, String checksum,
            List<? extends CanonicalRecord> records) {
        return new Delivery(kind, source, fileName, checksum, kind.name().toLowerCase() + "/.done/" + fileName,
                sink -> {
                    records.forEach(sink::record);
                    return null;
                });
    }

    private static Call storedCall(TestDatabase database, String source, String key) {
        return database.read(entityManager -> entityManager.createQuery(
                "select c from Call c join fetch c.batch where c.source = :source and c.recordKey = :key", Call.class)
                .setParameter("source", source)
                .setParameter("key", key)
                .getSingleResult());
    }

    private static List<String> keys(TestDatabase database) {
        return database.read(entityManager -> entityManager.createQuery(
                "select c.recordKey from Call c order by c.recordKey", String.class).getResultList());
    }

    private static Customer customerOf(TestDatabase database, String id) {
        return StreamingStoreTest.customerOf(database, id);
    }

    private static Intake intake(TestDatabase database) {
        return new TransactionalIntake(database::read, Clock.systemUTC());
    }
}
