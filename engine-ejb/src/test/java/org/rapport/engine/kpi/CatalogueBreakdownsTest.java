package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_QUEUE;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;
import static org.rapport.engine.contact.CallOutcome.SELF_SERVED;
import static org.rapport.engine.servicecase.ServiceCaseKind.CALL_BACK;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLAINT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** Every KPI in the catalogue publishes its breakdowns, or why it has none, and a run measures exactly those. */
class CatalogueBreakdownsTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();

    @Test
    void everyKpiNamesItsBreakdownsOrSaysWhyItHasNone() {
        Set<String> known = Arrays.stream(Breakdown.values()).map(Breakdown::dimensionName).collect(Collectors.toSet());
        assertThat(KpiCatalogue.all()).allSatisfy(definition -> {
            assertThat(definition.breakdownNote()).as(definition.code()).isNotBlank();
            assertThat(known).as(definition.code()).containsAll(definition.breakdowns());
            if (definition.breakdowns().isEmpty()) {
                assertThat(definition.breakdownNote()).as(definition.code()).startsWith("None: ");
            } else {
                assertThat(definition.breakdownNote()).as(definition.code()).startsWith("By ");
            }
        });
        assertThat(KpiCatalogue.find(KpiCatalogue.NPS).orElseThrow().breakdowns())
                .containsExactly("segment", "value_band", "channel");
        assertThat(KpiCatalogue.find(KpiCatalogue.CHURN_RATE).orElseThrow().breakdowns())
                .containsExactly("segment", "value_band");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunMeasuresEveryKpiOverallAndByExactlyTheBreakdownsItPublishes(TestDatabase database) {
        on(database).write(entityManager -> aMonthWithDataInEverySlice(new Facts(entityManager)));

        long runId = database.read(entityManager -> steps(entityManager).create(YearMonth.of(2026, 10),
                RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).score(runId, scored -> { }));
        Map<String, Set<String>> measured = database.read(entityManager -> entityManager.createQuery(
                        "select k.code, k.dimension from KpiValue k where k.run.id = :run", Object[].class)
                .setParameter("run", runId)
                .getResultStream()
                .collect(Collectors.groupingBy(row -> (String) row[0], Collectors.mapping(
                        row -> ((String) row[1]).split("=")[0], Collectors.toCollection(TreeSet::new)))));

        assertThat(measured.keySet()).containsExactlyInAnyOrderElementsOf(
                KpiCatalogue.all().stream().map(KpiDefinition::code).toList());
        KpiCatalogue.all().forEach(definition -> {
            Set<String> expected = new TreeSet<>(definition.breakdowns());
            expected.add(Measurement.OVERALL);
            assertThat(measured.get(definition.code())).as(definition.code()).isEqualTo(expected);
        });
    }

    /** Two customers in different segments and bands, each with every kind of contact. */
    private static void aMonthWithDataInEverySlice(Facts facts) {
        for (String id : List.of("A", "B")) {
            boolean first = id.equals("A");
            Customer customer = facts.customerIn(id, first ? "retail" : "business", first ? "high" : "low");
            customer.setPreferredChannel("phone");
            facts.answer(id, "2026-10-05T10:00:00", first ? "call" : "shop", 3, 4, 5, "a comment");
            facts.serviceCase(id, "2026-10-06T09:00:00Z", null, "phone", CALL_BACK, null);
            facts.serviceCase(id, "2026-10-07T09:00:00Z", "2026-10-07T10:00:00Z", "email", COMPLAINT, null);
            facts.call(id, "2026-10-08T09:00:00", 30, ANSWERED, 1, 1, true, first ? "phone" : "web");
            facts.call(id, "2026-10-09T09:00:00", 30, ABANDONED_IN_QUEUE, 0, 0, null, "phone");
            facts.call(id, "2026-10-10T09:00:00", ABANDONED_IN_IVR, "phone");
            facts.call(id, "2026-10-11T09:00:00", SELF_SERVED, "phone");
        }
        Customer leaver = facts.customerIn("C", "retail", "low");
        leaver.setChurnedOn(LocalDate.of(2026, 10, 15));
        leaver.setStatus(CustomerStatus.CHURNED);
        leaver.setChurnReason(ChurnReason.TREATMENT);
    }

    private static RunSteps steps(jakarta.persistence.EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
