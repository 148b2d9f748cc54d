package org.rapport.engine.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.Call;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.BatchStore;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.survey.SurveyResponse;

/** Small hand-made facts for measure tests, written straight to the store. */
public final class Facts {

    private final EntityManager entityManager;
    private final SourceBatch batch;

    public Facts(EntityManager entityManager) {
        this.entityManager = entityManager;
        this.batch = new SourceBatch(SourceKind.CUSTOMERS, "test", "fixture.csv", UUID.randomUUID().toString()
                .replace("-", ""), Instant.parse("2026-11-01T06:00:00Z"));
        entityManager.persist(batch);
    }

    public Customer customer(String id, LocalDate since, LocalDate churnedOn, String annualValue) {
        Customer customer = new Customer(id);
        customer.setCustomerSince(since);
        customer.setChurnedOn(churnedOn);
        customer.setStatus(churnedOn == null ? CustomerStatus.ACTIVE : CustomerStatus.CHURNED);
        customer.setChurnReason(churnedOn == null ? null : ChurnReason.TREATMENT);
        customer.setAnnualValue(annualValue == null ? null : new BigDecimal(annualValue));
        customer.setConsentToAnalytics(true);
        entityManager.persist(customer);
        return customer;
    }

    public void response(String customer, String respondedAt, Integer nps, Integer csat) {
        entityManager.persist(new SurveyResponse(batch, customer, null, LocalDateTime.parse(respondedAt), "relationship",
                "call", nps, csat, null, null));
    }

    public void call(String startedAt, int ivrSeconds, int queueSeconds, CallOutcome outcome, boolean wantedAgent) {
        entityManager.persist(new Call(batch, null, null, LocalDateTime.parse(startedAt), ivrSeconds, queueSeconds,
                outcome == CallOutcome.ANSWERED ? 180 : 0, outcome, wantedAgent, 0, 0, null, "phone"));
    }

    /** A call with everything the contact-centre moments of truth look at. */
    public void call(String customer, String startedAt, int queueSeconds, CallOutcome outcome, int transfers,
            int timesReidentified, Boolean agentSawHistory, String channel) {
        entityManager.persist(new Call(batch, customer, null, LocalDateTime.parse(startedAt), 30, queueSeconds,
                outcome == CallOutcome.ANSWERED ? 180 : 0, outcome, true, transfers, timesReidentified,
                agentSawHistory, channel));
    }

    public Customer customer(String id, String valueBand, String preferredChannel) {
        Customer customer = customer(id, LocalDate.of(2020, 1, 1), null, null);
        customer.setValueBand(valueBand);
        customer.setPreferredChannel(preferredChannel);
        return customer;
    }

    public void leaver(String id, LocalDate churnedOn, org.rapport.engine.customer.ChurnReason reason) {
        customer(id, LocalDate.of(2020, 1, 1), churnedOn, "100").setChurnReason(reason);
    }

    public void response(String customer, String respondedAt, Integer effort) {
        entityManager.persist(new SurveyResponse(batch, customer, null, LocalDateTime.parse(respondedAt), "relationship",
                "call", null, null, effort, null));
    }

    /** A delivered calls file with {@code count} answered calls in October 2026, through the real intake store. */
    public static IntakeBatch callsFile(String checksum, int count) {
        java.util.List<CanonicalRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(new CallRecord(i + 2, "call-" + i, "C" + (i % 7), LocalDateTime.parse("2026-10-02T09:00:00")
                    .plusMinutes(i), 30, 60, 200, CallOutcome.ANSWERED, true, 0, 0, Boolean.TRUE, "phone"));
        }
        return new IntakeBatch(SourceKind.CALLS, "test-ivr", "calls.csv", checksum, calls, java.util.List.of(), null);
    }

    public static BatchStore store(EntityManager entityManager) {
        return new BatchStore(entityManager, java.time.Clock.systemUTC());
    }
}
