package org.rapport.engine.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.Call;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.purchase.Purchase;
import org.rapport.engine.servicecase.ServiceCase;
import org.rapport.engine.survey.SurveyResponse;

/**
 * Writes one delivered file into the store inside the caller's transaction: ledger entry, records,
 * quarantined rows. Rows go to the database in JDBC batches and the persistence context is cleared
 * every {@link #FLUSH_EVERY} rows, so a large file does not grow the session without bound. All of it
 * happens in the caller's one transaction: a file is stored whole or not at all.
 * Not thread-safe: one instance per transaction.
 */
public class BatchStore {

    static final int FLUSH_EVERY = 200;

    private final EntityManager entityManager;
    private final Clock clock;

    public BatchStore(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public IntakeReceipt store(IntakeBatch delivered) {
        SourceBatch batch = new SourceBatch(delivered.kind(), delivered.source(), delivered.fileName(),
                delivered.checksum(), clock.instant());
        Long original = firstAcceptedWithSameContent(delivered);
        if (original != null) {
            batch.markDuplicateOf(original);
            entityManager.persist(batch);
            entityManager.flush();
            return receipt(batch);
        }
        if (delivered.isRejected()) {
            batch.reject(delivered.rejection());
        }
        entityManager.persist(batch);
        entityManager.flush();
        long batchId = batch.getId();
        int accepted = delivered.isRejected() ? 0 : storeRecords(batchId, delivered.records());
        storeQuarantined(batchId, delivered.quarantined());
        SourceBatch stored = entityManager.find(SourceBatch.class, batchId);
        stored.counted(accepted, delivered.quarantined().size());
        entityManager.flush();
        return receipt(stored);
    }

    private Long firstAcceptedWithSameContent(IntakeBatch delivered) {
        List<Long> ids = entityManager.createQuery("""
                select b.id from SourceBatch b
                where b.kind = :kind and b.checksum = :checksum and b.status = :accepted
                order by b.id""", Long.class)
                .setParameter("kind", delivered.kind())
                .setParameter("checksum", delivered.checksum())
                .setParameter("accepted", BatchStatus.ACCEPTED)
                .setMaxResults(1)
                .getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    private int storeRecords(long batchId, List<? extends CanonicalRecord> records) {
        int stored = 0;
        for (List<? extends CanonicalRecord> chunk : chunks(records)) {
            SourceBatch batch = entityManager.getReference(SourceBatch.class, batchId);
            Map<String, Customer> known = existingCustomers(chunk);
            for (CanonicalRecord record : chunk) {
                store(batch, record, known);
                stored++;
            }
            endOfChunk();
        }
        return stored;
    }

    private void storeQuarantined(long batchId, List<QuarantinedRow> rows) {
        for (List<QuarantinedRow> chunk : chunks(rows)) {
            SourceBatch batch = entityManager.getReference(SourceBatch.class, batchId);
            for (QuarantinedRow row : chunk) {
                entityManager.persist(new QuarantinedRecord(batch, row.line(), row.field(), row.reason(),
                        row.rawText()));
            }
            endOfChunk();
        }
    }

    /** Sends the chunk to the database as JDBC batches and forgets it, so memory stays flat. */
    private void endOfChunk() {
        entityManager.flush();
        entityManager.clear();
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += FLUSH_EVERY) {
            chunks.add(items.subList(from, Math.min(items.size(), from + FLUSH_EVERY)));
        }
        return chunks;
    }

    private void store(SourceBatch batch, CanonicalRecord record, Map<String, Customer> known) {
        // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
        if (record instanceof CustomerRecord customer) {
            upsert(customer, known);
        } else if (record instanceof PurchaseRecord purchase) {
            entityManager.persist(new Purchase(batch, purchase.customerRef(), purchase.purchasedOn(),
                    purchase.amount(), purchase.productCategory()));
        } else if (record instanceof ServiceCaseRecord serviceCase) {
            entityManager.persist(new ServiceCase(batch, serviceCase.customerRef(), serviceCase.openedAt(),
                    serviceCase.closedAt(), serviceCase.channel(), serviceCase.kind(), serviceCase.category(),
                    serviceCase.text()));
        } else if (record instanceof CallRecord call) {
            entityManager.persist(new Call(batch, call.customerRef(), call.callRef(), call.startedAt(),
                    call.ivrSeconds(), call.queueSeconds(), call.talkSeconds(), call.outcome(), call.wantedAgent(),
                    call.transfers(), call.timesReidentified(), call.agentSawHistory(), call.channel()));
        } else if (record instanceof SurveyResponseRecord response) {
            entityManager.persist(new SurveyResponse(batch, response.customerRef(), response.responseRef(),
                    response.respondedAt(), response.survey(), response.touchpoint(), response.nps(), response.csat(),
                    response.effort(), response.comment()));
        } else {
            throw new IllegalArgumentException("No store for " + record.getClass().getSimpleName());
        }
    }

    /** A customer delivered again is updated in place: the CRM is the master of its customers. */
    private void upsert(CustomerRecord record, Map<String, Customer> known) {
        Customer customer = known.get(record.externalId());
        if (customer == null) {
            customer = new Customer(record.externalId());
            known.put(record.externalId(), customer);
            entityManager.persist(customer);
        }
        customer.setSegment(record.segment());
        customer.setRegion(record.region());
        customer.setValueBand(record.valueBand());
        customer.setCustomerSince(record.customerSince());
        customer.setStatus(record.status());
        customer.setChurnedOn(record.churnedOn());
        customer.setChurnReason(record.churnReason());
        customer.setAnnualValue(record.annualValue());
        customer.setPreferredChannel(record.preferredChannel());
        customer.setConsentToAnalytics(record.consentToAnalytics());
        customer.setConsentToContact(record.consentToContact());
    }

    /** One query per chunk for the customers it mentions, instead of one per row. */
    private Map<String, Customer> existingCustomers(List<? extends CanonicalRecord> chunk) {
        List<String> ids = chunk.stream()
                .filter(CustomerRecord.class::isInstance)
                .map(record -> ((CustomerRecord) record).externalId())
                .distinct()
                .toList();
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return entityManager.createQuery("select c from Customer c where c.externalId in :ids", Customer.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(Customer::getExternalId, Function.identity(), (a, b) -> a, HashMap::new));
    }

    private static IntakeReceipt receipt(SourceBatch batch) {
        return new IntakeReceipt(batch.getId(), batch.getStatus(), batch.getRowsAccepted(),
                batch.getRowsQuarantined(), batch.getDuplicateOf(), batch.getMessage());
    }
}
