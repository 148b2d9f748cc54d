package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_QUEUE;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;
import static org.rapport.engine.contact.CallOutcome.SELF_SERVED;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.purchase.Purchase;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.TestDatabase;

/**
 * A month no source delivered anything for, after two months that had everything: every KPI of the
 * catalogue is "no data" (never 0), ungraded, and raises no trigger; nobody is scored and no customer
 * action goes to the CRM. The months before prove that the fixture gives every KPI a figure, so each
 * "no data" below comes from the absence of records and not from a fixture that never measured it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyMonthTest {

    private static final RuleEngine RULES = new RuleEngine();
    private static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private final Map<TestDatabase, Months> measured = new EnumMap<>(TestDatabase.class);

    /** What the runs of October (full) and November (empty) stored. */
    private record Months(List<KpiValue> october, List<KpiValue> november, long novemberTriggers,
            long novemberScores, long novemberActions) {
    }

    @BeforeAll
    void runThreeMonthsOnEachDatabase() throws Exception {
        Path packs = Files.createTempDirectory("rapport-empty-month");
        for (TestDatabase database : TestDatabase.values()) {
            database.clean();
            database.write(entityManager -> {
                Facts facts = new Facts(entityManager);
                customers(facts);
                everything(facts, entityManager, SEPTEMBER, "D1");
                everything(facts, entityManager, OCTOBER, "D2");
            });
            publish(database, run(database, SEPTEMBER), packs);
            long october = run(database, OCTOBER);
            publish(database, october, packs);
            long november = run(database, NOVEMBER);
            measured.put(database, database.read(entityManager -> new Months(values(entityManager, october),
                    values(entityManager, november),
                    count(entityManager, "select count(t) from Trigger t where t.run.id = :run", november),
                    count(entityManager, "select count(s) from CustomerScore s where s.run.id = :run", november),
                    count(entityManager, "select count(a) from CustomerActionRecord a where a.runId = :run",
                            november))));
        }
    }

    @AfterAll
    void emptyTables() {
        for (TestDatabase database : TestDatabase.values()) {
            database.clean();
        }
    }

    static Stream<Arguments> everyCatalogueKpiOnEveryDatabase() {
        List<Arguments> arguments = new ArrayList<>();
        for (TestDatabase database : TestDatabase.values()) {
            KpiCatalogue.all().forEach(kpi -> arguments.add(Arguments.of(database, kpi.code())));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("everyCatalogueKpiOnEveryDatabase")
    @DisplayName("with no observations in the month a KPI is no data and ungraded, though last month had a figure")
    void noObservationsIsNoData(TestDatabase database, String code) {
        Months months = measured.get(database);
        KpiValue october = overall(months.october(), code);
        assertThat(october.getValue()).as("the fixture gives %s a figure in October", code).isNotNull();

        List<KpiValue> november = months.november().stream().filter(k -> k.getCode().equals(code)).toList();
        assertThat(november).as("%s in November", code).allSatisfy(value -> {
            assertThat(value.getValue()).as("%s [%s]", code, value.getDimension()).isNull();
            assertThat(value.getRag()).as("%s [%s]", code, value.getDimension()).isIn(null, "NONE");
        });
        november.stream().filter(k -> k.getDimension().equals(Measurement.OVERALL)).findFirst()
                .ifPresent(value -> assertThat(value.getPrevious()).as("October's figure stays beside it")
                        .isEqualByComparingTo(october.getValue()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("an empty month raises no trigger, scores no one and sends the CRM no action")
    void emptyMonthRaisesNothing(TestDatabase database) {
        Months months = measured.get(database);

        assertThat(months.novemberTriggers()).isZero();
        assertThat(months.novemberScores()).isZero();
        assertThat(months.novemberActions()).isZero();
    }

    /** A, B, C in two value bands (survey reach gap), all consenting; D and E leave in September and October. */
    private static void customers(Facts facts) {
        for (String id : List.of("A", "B", "C")) {
            Customer customer = facts.customerIn(id, "consumer", id.equals("C") ? "low" : "high");
            customer.setPreferredChannel("phone");
        }
        facts.leaver("D", LocalDate.of(2026, 9, 15), ChurnReason.TREATMENT);
        facts.leaver("E", LocalDate.of(2026, 10, 15), ChurnReason.PRODUCT_OR_SERVICE);
    }

    /** Calls of every outcome, answers, a detractor called back, a resolved complaint and a purchase. */
    private static void everything(Facts facts, EntityManager entityManager, YearMonth month, String detractor) {
        String day = month + "-0";
        facts.call("A", day + "5T09:00:00", 15, ANSWERED, 1, 1, Boolean.FALSE, "phone");
        facts.call("A", day + "6T09:00:00", 700, ANSWERED, 0, 0, Boolean.TRUE, "phone");
        facts.call("B", day + "5T10:00:00", 90, ABANDONED_IN_QUEUE, 0, 0, null, "phone");
        facts.call("B", day + "5T11:00:00", ABANDONED_IN_IVR, "phone");
        facts.call("C", day + "5T12:00:00", SELF_SERVED, "chat");
        facts.answer("A", day + "7T10:00:00", "call", 9, 5, 6, "quick and kind");
        facts.answer("C", day + "7T10:00:00", "call", 3, 2, 2, "slow");
        facts.serviceCase("C", day + "8T09:00:00Z", day + "8T10:00:00Z", "email", ServiceCaseKind.CALL_BACK,
                "call back " + detractor);
        facts.serviceCase("B", day + "5T09:00:00Z", day + "5T15:00:00Z", "email", ServiceCaseKind.COMPLAINT, "bill");
        SourceBatch batch = entityManager.createQuery("select b from SourceBatch b", SourceBatch.class)
                .setMaxResults(1).getSingleResult();
        entityManager.persist(new Purchase(batch, "A", LocalDate.parse(day + "9"), new BigDecimal("40.00"),
                "broadband"));
    }

    private static long run(TestDatabase database, YearMonth month) {
        long runId = database.read(entityManager -> steps(entityManager).create(month, RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).closeIntake(runId));
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).score(runId, scored -> { }));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        return runId;
    }

    private static void publish(TestDatabase database, long runId, Path packs) {
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(runId, packs));
    }

    private static List<KpiValue> values(EntityManager entityManager, long runId) {
        return entityManager.createQuery("select k from KpiValue k where k.run.id = :run order by k.id", KpiValue.class)
                .setParameter("run", runId).getResultList();
    }

    private static KpiValue overall(List<KpiValue> values, String code) {
        return values.stream().filter(k -> k.getCode().equals(code) && k.getDimension().equals(Measurement.OVERALL))
                .findFirst().orElseThrow(() -> new AssertionError("no overall figure stored for " + code));
    }

    private static long count(EntityManager entityManager, String query, long runId) {
        return entityManager.createQuery(query, Long.class).setParameter("run", runId).getSingleResult();
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
