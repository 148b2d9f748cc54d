package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_QUEUE;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;
import static org.rapport.engine.contact.CallOutcome.SELF_SERVED;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLAINT;
import static org.rapport.engine.servicecase.ServiceCaseKind.ENQUIRY;
import static org.rapport.engine.servicecase.ServiceCaseKind.REQUEST;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.engagement.EngagementScoring;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.Run;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** Cost to serve: the month's contacts, priced per channel, per customer active at month end. */
class CostToServeTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    /** £5 a phone contact, £3 an e-mail, 50p self-service, £4 anything else. */
    private static final ContactCosts COSTS = new ContactCosts(Map.of("phone", new BigDecimal("5.00"),
            "email", new BigDecimal("3.00"), "self-service", new BigDecimal("0.50"), "other", new BigDecimal("4.00")));

    /**
     * Active at month end: A (retail, high), B (retail, low), C (business, high), E (no segment or band) = 4;
     * D (business, low) left on 15 October, so its contacts cost but it is no longer a customer to divide by.
     * <pre>
     * contact                                   channel     £
     * A  2 calls answered                       phone       10.00
     * A  1 call served by the IVR               phone        0.50  (self-service)
     * A  complaint case                         email        3.00
     * B  1 call answered                        phone        5.00
     * B  1 call abandoned in the queue          phone        0     (served no one)
     * B  complaint case                         phone        0     (the call was the contact)
     * B  request case, no channel               —            4.00  (other)
     * C  1 call answered                        video        4.00  (other)
     * C  request case                           email        3.00
     * D  1 call answered                        phone        5.00
     * E  enquiry case                           letter       4.00  (other)
     * ?  1 call answered, unknown caller        phone        5.00
     * A  1 call answered in September           phone        —
     *                                                  total 43.50
     * </pre>
     */
    private static void october(Facts facts) {
        facts.customerIn("A", "retail", "high");
        facts.customerIn("B", "retail", "low");
        facts.customerIn("C", "business", "high");
        facts.customerIn("D", "business", "low").setChurnedOn(LocalDate.of(2026, 10, 15));
        facts.customer("E", LocalDate.of(2024, 1, 1), null, null);
        facts.call("A", "2026-10-01T09:00:00", ANSWERED, "phone");
        facts.call("A", "2026-10-02T09:00:00", ANSWERED, "phone");
        facts.call("A", "2026-10-03T09:00:00", SELF_SERVED, "phone");
        facts.call("B", "2026-10-04T09:00:00", ANSWERED, "phone");
        facts.call("B", "2026-10-05T09:00:00", ABANDONED_IN_QUEUE, "phone");
        facts.call("C", "2026-10-06T09:00:00", ANSWERED, "video");
        facts.call("D", "2026-10-07T09:00:00", ANSWERED, "phone");
        facts.call(null, "2026-10-08T09:00:00", ANSWERED, "phone");
        facts.call("A", "2026-09-30T09:00:00", ANSWERED, "phone");
        facts.serviceCase("A", "2026-10-09T09:00:00Z", null, "email", COMPLAINT, null);
        facts.serviceCase("B", "2026-10-10T09:00:00Z", null, "phone", COMPLAINT, null);
        facts.serviceCase("B", "2026-10-11T09:00:00Z", null, null, REQUEST, null);
        facts.serviceCase("C", "2026-10-12T09:00:00Z", null, "email", REQUEST, null);
        facts.serviceCase("E", "2026-10-13T09:00:00Z", null, "letter", ENQUIRY, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMonthsContactsArePricedPerChannelAndSharedOverTheActiveCustomers(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));

        List<Measurement> measured = database.read(entityManager ->
                new CostToServeMeasures(entityManager, COSTS).measure(OCTOBER));

        Slices.of(KpiCatalogue.COST_TO_SERVE, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low",
                        "channel=email", "channel=letter", "channel=phone", "channel=video")
                .has("overall", "10.88", 4)            // 43.50 / 4
                .has("segment=business", "12.00", 1)   // C 7.00 + D 5.00, over C
                .has("segment=retail", "11.25", 2)     // A 13.50 + B 9.00, over A and B
                .has("value_band=high", "10.25", 2)    // A 13.50 + C 7.00
                .has("value_band=low", "14.00", 1)     // B 9.00 + D 5.00, over B
                .has("channel=email", "1.50", 4)       // 6.00 / 4
                .has("channel=letter", "1.00", 4)
                .has("channel=phone", "6.38", 4)       // 10 + 0.50 + 5 + 5 + 5 = 25.50 / 4 = 6.375
                .has("channel=video", "1.00", 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void engagedCustomersCostIsComparedWithTheOthersOnceTheyAreScored(TestDatabase database) {
        on(database);
        long runId = database.read(entityManager -> {
            Facts facts = new Facts(entityManager);
            october(facts);
            Run run = facts.run(YearMonth.of(2026, 10));
            facts.score(run, "A", "loyal", "80");
            facts.score(run, "B", "casual", "30");
            facts.score(run, "C", "regular", "55");
            return run.getId();
        });

        List<Measurement> measured = database.read(entityManager ->
                new CostToServeMeasures(entityManager, COSTS).byEngagement(runId, OCTOBER));

        Slices.of(KpiCatalogue.COST_TO_SERVE, measured)
                .dimensions("engagement=engaged", "engagement=not_engaged")
                .has("engagement=engaged", "10.25", 2)     // A 13.50 + C 7.00
                .has("engagement=not_engaged", "9.00", 1); // B
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theContactsTheScoringPagesCountAreThoseAQueryOverTheScoresFinds(TestDatabase database) {
        on(database);
        long runId = database.read(entityManager -> {
            Facts facts = new Facts(entityManager);
            october(facts);
            return facts.run(YearMonth.of(2026, 10)).getId();
        });
        RuleEngine engine = new RuleEngine();
        boolean anythingToScore = database.read(entityManager -> new EngagementScoring(entityManager).start(runId, engine));
        assertThat(anythingToScore).isTrue();
        EngagedContacts counted = new EngagedContacts();
        String after = "";
        while (true) {
            String from = after;
            // two customers a page, each page in a transaction of its own, as the run scores
            EngagementScoring.ScoredPage page = database.read(entityManager -> new EngagementScoring(entityManager)
                    .scorePage(runId, engine, from, 2));
            counted.addAll(page.contacts());
            if (page.last()) {
                break;
            }
            after = page.lastCustomer();
        }

        List<Measurement> fromPages = database.read(entityManager ->
                new CostToServeMeasures(entityManager, COSTS).byEngagement(runId, OCTOBER, counted));
        List<Measurement> fromQuery = database.read(entityManager ->
                new CostToServeMeasures(entityManager, COSTS).byEngagement(runId, OCTOBER));

        assertThat(fromPages).isNotEmpty().isEqualTo(fromQuery);
        // A, B, C and E are scored (D left): their contacts cost 43.50 less D's 5.00 and the unknown caller's 5.00
        assertThat(fromPages.stream().mapToLong(Measurement::sampleSize).sum()).isEqualTo(4);
        assertThat(fromPages.stream().map(m -> m.value().multiply(BigDecimal.valueOf(m.sampleSize())))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isCloseTo(new BigDecimal("33.50"),
                org.assertj.core.data.Offset.offset(new BigDecimal("0.02")));
    }

    @Test
    void contactCostsAreReadFromTheSettingAndFilledInFromTheStandardFigures() {
        ContactCosts costs = ContactCosts.parse("Phone=6.20, email = 2.75");

        assertThat(costs.of("phone")).isEqualByComparingTo("6.20");
        assertThat(costs.of("EMAIL")).isEqualByComparingTo("2.75");
        assertThat(costs.of("self-service")).isEqualByComparingTo("0.50");
        assertThat(costs.of("carrier-pigeon")).isEqualByComparingTo(costs.of("other"));
        assertThatThrownBy(() -> ContactCosts.parse("phone=five")).hasMessageContaining("'phone=five'");
    }
}
