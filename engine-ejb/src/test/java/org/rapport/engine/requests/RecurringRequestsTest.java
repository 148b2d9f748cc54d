package org.rapport.engine.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.rapport.engine.servicecase.ServiceCaseKind.CALL_BACK;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLAINT;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLIMENT;
import static org.rapport.engine.servicecase.ServiceCaseKind.ENQUIRY;
import static org.rapport.engine.servicecase.ServiceCaseKind.REQUEST;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.run.Trigger;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.facts.RequestThemeCount;

/** "Customers keep asking for …": the month's comments and cases counted by the run's themes table. */
class RecurringRequestsTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();
    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    /**
     * <pre>
     * text                                                     read?                paperless  opening hours
     * comment  "Please let me go paperless"                    yes                  1
     * comment  "Can I get an e-bill?"                          yes                  1
     * comment  "E-bill please, and open on Saturday"           yes                  1          1
     * comment  "The agent was chatty and kind"                 yes (no theme)
     * comment  "   " (blank)                                   no
     * comment  "paperless" in September                        no
     * request  "Customer wants paperless billing"              yes                  1
     * complaint "Bill by email never arrived"                  yes                  1
     * enquiry  "Asks about weekend opening hours"              yes                             1
     * request  "Paperless please (1..6)" × 6                   yes                  6
     * compliment "Loved the paperless option"                  no (praise)
     * call-back "Called back about paperless"                  no (our own note)
     *                                                               13 read        11          2
     * </pre>
     * Paperless billing recurs from 10 mentions: 11 is a medium-severity process trigger.
     */
    private static void october(Facts facts) {
        facts.answer("A", "2026-10-02T10:00:00", "call", 5, null, null, "Please let me go paperless");
        facts.answer("B", "2026-10-03T10:00:00", "call", 6, null, null, "Can I get an e-bill?");
        facts.answer("C", "2026-10-04T10:00:00", "shop", 7, null, null, "E-bill please, and open on Saturday");
        facts.answer("D", "2026-10-05T10:00:00", "call", 9, null, null, "The agent was chatty and kind");
        facts.answer("E", "2026-10-06T10:00:00", "call", 9, null, null, "   ");
        facts.answer("F", "2026-09-30T10:00:00", "call", 2, null, null, "paperless");
        facts.serviceCase("A", "2026-10-07T09:00:00Z", null, "email", REQUEST, "Customer wants paperless billing");
        facts.serviceCase("B", "2026-10-08T09:00:00Z", null, "phone", COMPLAINT, "Bill by email never arrived");
        facts.serviceCase("C", "2026-10-09T09:00:00Z", null, "phone", ENQUIRY, "Asks about weekend opening hours");
        for (int number = 1; number <= 6; number++) {
            facts.serviceCase("G" + number, "2026-10-1" + number + "T09:00:00Z", null, "web", REQUEST,
                    "Paperless please (" + number + ")");
        }
        facts.serviceCase("H", "2026-10-20T09:00:00Z", null, "web", COMPLIMENT, "Loved the paperless option");
        facts.serviceCase("H", "2026-10-21T09:00:00Z", null, "phone", CALL_BACK, "Called back about paperless");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMonthsTextsAreCountedPageByPageWithTheRunsThemes(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));
        List<Integer> pages = new ArrayList<>();

        List<RequestThemeCount> counts = database.read(entityManager -> {
            MonthRequests texts = new MonthRequests(entityManager, ZoneOffset.UTC, 3);
            texts.forEachPage(OCTOBER, page -> pages.add(page.size()));
            return new RecurringRequests(entityManager, texts).count(OCTOBER, RULES,
                    new RuleSetStore(entityManager, Clock.systemUTC()).activeOrSeedDefault());
        });

        // 4 comments (one page of 3, one of 1), then 9 cases (three pages of 3)
        assertThat(pages).containsExactly(3, 1, 3, 3, 3);
        assertThat(counts).extracting(RequestThemeCount::label, RequestThemeCount::mentions)
                .containsExactly(tuple("paperless billing", 11), tuple("longer opening hours", 2));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theEvaluateStepStoresTheCountsWithTheRunAndRaisesTheRecurringRequestTrigger(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));
        long runId = database.read(entityManager ->
                steps(entityManager).create(YearMonth.of(2026, 10), RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).measure(runId));

        database.write(entityManager -> steps(entityManager).evaluate(runId));
        database.write(entityManager -> steps(entityManager).evaluate(runId)); // redone after an interruption

        List<RequestThemeLine> themes = database.read(entityManager -> new RecurringRequests(entityManager).of(runId));
        assertThat(themes).containsExactly(
                new RequestThemeLine("PAPERLESS_BILLING", "paperless billing", "PROCESS", 11, 10, true),
                new RequestThemeLine("LONGER_OPENING_HOURS", "longer opening hours", "STAFF", 2, 10, false));
        List<Trigger> triggers = database.read(entityManager -> entityManager.createQuery(
                "select t from Trigger t where t.run.id = :run and t.code like 'RECURRING_REQUEST_%'", Trigger.class)
                .setParameter("run", runId).getResultList());
        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger.getCode()).isEqualTo("RECURRING_REQUEST_PAPERLESS_BILLING");
            assertThat(trigger.getPillar()).isEqualTo("PROCESS");
            assertThat(trigger.getSeverity()).isEqualTo("MEDIUM");
            assertThat(trigger.getEvidence())
                    .isEqualTo("11 comments and cases this month mention paperless billing (recurring from 10)");
        });
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
