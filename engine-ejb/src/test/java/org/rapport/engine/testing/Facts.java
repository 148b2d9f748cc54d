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
import org.rapport.engine.servicecase.ServiceCase;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.run.CustomerScore;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
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

    /** A customer in a segment and value band, active since 2020, who agreed to analytics and contact. */
    public Customer customerIn(String id, String segment, String valueBand) {
        Customer customer = customer(id, LocalDate.of(2020, 1, 1), null, null);
        customer.setSegment(segment);
        customer.setValueBand(valueBand);
        customer.setConsentToContact(true);
        return customer;
    }

    /** A survey answer at a touchpoint, with a comment. */
    public void answer(String customer, String respondedAt, String touchpoint, Integer nps, Integer csat,
            Integer effort, String comment) {
        entityManager.persist(new SurveyResponse(batch, customer, null, LocalDateTime.parse(respondedAt), "relationship",
                touchpoint, nps, csat, effort, comment));
    }

    /** A service case; times are instants ("2026-10-05T09:00:00Z"), {@code closedAt} null while it is open. */
    public void serviceCase(String customer, String openedAt, String closedAt, String channel, ServiceCaseKind kind,
            String text) {
        entityManager.persist(new ServiceCase(batch, customer, Instant.parse(openedAt),
                closedAt == null ? null : Instant.parse(closedAt), channel, kind, null, text));
    }

    /** A call with its outcome and channel, from {@code customer} (null for an unknown caller). */
    public void call(String customer, String startedAt, CallOutcome outcome, String channel) {
        entityManager.persist(new Call(batch, customer, null, LocalDateTime.parse(startedAt), 30, 20,
                outcome == CallOutcome.ANSWERED ? 180 : 0, outcome, outcome != CallOutcome.SELF_SERVED, 0, 0, null,
                channel));
    }

    /** A run of {@code month} with the active rule set (the default one, seeded if need be), still running. */
    public Run run(java.time.YearMonth month) {
        Run run = new Run(month, RunOrigin.ON_DEMAND,
                new RuleSetStore(entityManager, java.time.Clock.systemUTC()).activeOrSeedDefault(),
                Instant.parse("2026-11-01T06:00:00Z"));
        entityManager.persist(run);
        return run;
    }

    /** A customer score of {@code run}: only the stage and index matter to the measures. */
    public void score(Run run, String customer, String stage, String index) {
        BigDecimal value = new BigDecimal(index);
        entityManager.persist(new CustomerScore(run, customer, value, value, value, value, stage));
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
