package org.rapport.engine.engagement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.rapport.engine.contact.Call;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.purchase.Purchase;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.CustomerScore;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.servicecase.ServiceCase;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.survey.SurveyResponse;

/** Hand-made customers, their facts, runs and scores for the engagement tests, written straight to the store. */
final class EngagementFixtures {

    private final EntityManager em;
    private final SourceBatch batch;

    EngagementFixtures(EntityManager em) {
        this.em = em;
        this.batch = new SourceBatch(SourceKind.CUSTOMERS, "test", "fixture.csv",
                UUID.randomUUID().toString().replace("-", ""), Instant.parse("2026-11-01T06:00:00Z"));
        em.persist(batch);
    }

    Customer customer(String id, String since, String churnedOn, String segment, String band, boolean consent) {
        Customer customer = new Customer(id);
        customer.setCustomerSince(since == null ? null : LocalDate.parse(since));
        customer.setChurnedOn(churnedOn == null ? null : LocalDate.parse(churnedOn));
        customer.setStatus(churnedOn == null ? org.rapport.engine.customer.CustomerStatus.ACTIVE
                : org.rapport.engine.customer.CustomerStatus.CHURNED);
        customer.setSegment(segment);
        customer.setValueBand(band);
        customer.setConsentToAnalytics(consent);
        customer.setConsentToContact(consent);
        em.persist(customer);
        return customer;
    }

    void purchase(String customer, String on, String amount, String category) {
        em.persist(new Purchase(batch, customer, LocalDate.parse(on), new BigDecimal(amount), category));
    }

    void call(String customer, String at, CallOutcome outcome, boolean wantedAgent) {
        em.persist(new Call(batch, customer, null, LocalDateTime.parse(at), 30, 0, 0, outcome, wantedAgent, 0, 0, null,
                "phone"));
    }

    void response(String customer, String at, Integer nps, Integer csat, Integer effort, String comment) {
        em.persist(new SurveyResponse(batch, customer, null, LocalDateTime.parse(at), "relationship", "call", nps, csat,
                effort, comment));
    }

    /** A case opened at {@code at}, UTC. */
    void serviceCase(String customer, String at, ServiceCaseKind kind) {
        em.persist(new ServiceCase(batch, customer, LocalDateTime.parse(at).toInstant(ZoneOffset.UTC), null, "phone",
                kind, null, null));
    }

    RuleSetVersion rules() {
        return new RuleSetStore(em, Clock.systemUTC()).activeOrSeedDefault();
    }

    Run run(RuleSetVersion rules, YearMonth month, String status) {
        Run run = new Run(month, RunOrigin.ON_DEMAND, rules, month.plusMonths(1).atDay(1).atTime(6, 0)
                .toInstant(ZoneOffset.UTC));
        em.persist(run);
        em.flush();
        if (!"RUNNING".equals(status)) {
            em.createNativeQuery("update run set status = ?1 where id = ?2").setParameter(1, status)
                    .setParameter(2, run.getId()).executeUpdate();
        }
        return run;
    }

    void score(Run run, String customer, String stage, String index) {
        em.persist(new CustomerScore(run, customer, null, null, null, new BigDecimal(index), stage));
    }
}
