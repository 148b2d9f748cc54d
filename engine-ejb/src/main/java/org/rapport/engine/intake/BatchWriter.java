package org.rapport.engine.intake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.Call;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.customer.CustomerIdentifiers;
import org.rapport.engine.customer.IdentifierKey;
import org.rapport.engine.customer.IdentifierKind;
import org.rapport.engine.purchase.Purchase;
import org.rapport.engine.servicecase.ServiceCase;
import org.rapport.engine.survey.SurveyResponse;

/**
 * Writes the rows of one batch as they are read: every {@value #FLUSH_EVERY} rows go to the database
 * as JDBC batches and the persistence context is cleared, so memory holds one chunk, never the file.
 * Counts what it wrote for the ledger: rows accepted, quarantined, unmatched (contact rows whose
 * customer is blank or not known when they are stored) and the newest time a row states. Works in
 * the caller's transaction. Not thread-safe: one per batch.
 */
final class BatchWriter implements RecordSink {

    static final int FLUSH_EVERY = 200;

    private final EntityManager entityManager;
    private final long batchId;
    private final IdentifierKey identifierKey;
    private final List<CanonicalRecord> records = new ArrayList<>(FLUSH_EVERY);
    private final List<QuarantinedRow> quarantinedRows = new ArrayList<>();
    private int accepted;
    private int quarantined;
    private int unmatched;
    private LocalDateTime newestRecordAt;

    /** @param identifierKey the key account and telephone numbers are hashed under; null when none is kept */
    BatchWriter(EntityManager entityManager, long batchId, IdentifierKey identifierKey) {
        this.entityManager = entityManager;
        this.batchId = batchId;
        this.identifierKey = identifierKey;
    }

    @Override
    public void record(CanonicalRecord record) {
        records.add(record);
        writeWhenChunkIsFull();
    }

    @Override
    public void quarantine(QuarantinedRow row) {
        quarantinedRows.add(row);
        writeWhenChunkIsFull();
    }

    /** Writes what is still held; call once the file has been read to its end. */
    void finish() {
        writeChunk();
    }

    int accepted() {
        return accepted;
    }

    int quarantined() {
        return quarantined;
    }

    int unmatched() {
        return unmatched;
    }

    LocalDateTime newestRecordAt() {
        return newestRecordAt;
    }

    private void writeWhenChunkIsFull() {
        if (records.size() + quarantinedRows.size() >= FLUSH_EVERY) {
            writeChunk();
        }
    }

    private void writeChunk() {
        if (records.isEmpty() && quarantinedRows.isEmpty()) {
            return;
        }
        SourceBatch batch = entityManager.getReference(SourceBatch.class, batchId);
        Map<String, Customer> delivered = existingCustomers();
        Set<String> known = knownCustomers();
        for (CanonicalRecord record : records) {
            store(batch, record, delivered, known);
            newestRecordAt = RecordTimes.later(newestRecordAt, RecordTimes.of(record));
            accepted++;
        }
        rememberIdentifiers();
        for (QuarantinedRow row : quarantinedRows) {
            entityManager.persist(new QuarantinedRecord(batch, row.line(), row.field(), row.reason(), row.rawText()));
            quarantined++;
        }
        records.clear();
        quarantinedRows.clear();
        // Sends the chunk to the database as JDBC batches and forgets it, so memory stays flat.
        entityManager.flush();
        entityManager.clear();
    }

    private void store(SourceBatch batch, CanonicalRecord record, Map<String, Customer> delivered, Set<String> known) {
        // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
        if (record instanceof CustomerRecord customer) {
            upsert(customer, delivered);
            return;
        }
        String customerRef = customerRefOf(record);
        if (customerRef == null || !known.contains(customerRef)) {
            unmatched++;
        }
        if (record instanceof PurchaseRecord purchase) {
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
    private void upsert(CustomerRecord record, Map<String, Customer> delivered) {
        Customer customer = delivered.get(record.externalId());
        if (customer == null) {
            customer = new Customer(record.externalId());
            delivered.put(record.externalId(), customer);
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

    /** The account and telephone numbers the chunk's customers came with, as keyed hashes only. */
    private void rememberIdentifiers() {
        List<CustomerIdentifiers.Given> given = new ArrayList<>();
        for (CanonicalRecord record : records) {
            if (record instanceof CustomerRecord customer) {
                given.add(new CustomerIdentifiers.Given(customer.externalId(), IdentifierKind.ACCOUNT_NUMBER,
                        customer.accountNumber()));
                given.add(new CustomerIdentifiers.Given(customer.externalId(), IdentifierKind.PHONE_NUMBER,
                        customer.phoneNumber()));
            }
        }
        if (given.stream().allMatch(identifier -> identifier.value() == null)) {
            return;
        }
        if (identifierKey == null) {
            // Never stored in clear, never dropped unnoticed: the file is retried once a key is configured.
            throw new IllegalStateException("Customers come with account or telephone numbers but no identifier key "
                    + "is configured to keep them");
        }
        new CustomerIdentifiers(entityManager, identifierKey).remember(given);
    }

    /** The customers this chunk delivers that exist already: one query per chunk instead of one per row. */
    private Map<String, Customer> existingCustomers() {
        List<String> ids = records.stream()
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

    /** Which customers the contact rows of this chunk name are known: one query per chunk. */
    private Set<String> knownCustomers() {
        List<String> refs = records.stream()
                .map(BatchWriter::customerRefOf)
                .filter(ref -> ref != null)
                .distinct()
                .toList();
        if (refs.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery(
                "select c.externalId from Customer c where c.externalId in :refs", String.class)
                .setParameter("refs", refs)
                .getResultList());
    }

    /** The customer a contact row is about; null for a customer row or an unknown caller. */
    private static String customerRefOf(CanonicalRecord record) {
        if (record instanceof PurchaseRecord purchase) {
            return purchase.customerRef();
        } else if (record instanceof ServiceCaseRecord serviceCase) {
            return serviceCase.customerRef();
        } else if (record instanceof CallRecord call) {
            return call.customerRef();
        } else if (record instanceof SurveyResponseRecord response) {
            return response.customerRef();
        }
        return null;
    }
}
