package org.rapport.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * A month whose calls and customers arrived but whose survey tool and CRM cases did not: the run's snapshot (what
 * the pack and {@code GET /api/runs/{id}/kpis} show) gives every figure without a value the reason it has none,
 * worded from what the KPI rests on.
 */
class NoDataReasonTest extends PersistenceSpec {

    private static final RuleEngine RULES = new RuleEngine();
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyFigureWithoutAValueSaysWhy(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customerIn("A", "consumer", "high").setPreferredChannel("phone");
            facts.customerIn("B", "business", "low").setPreferredChannel("phone");
            facts.leaver("C", LocalDate.of(2026, 10, 12), ChurnReason.TREATMENT);
            facts.call("A", "2026-10-05T09:00:00", 15, ANSWERED, 1, 1, Boolean.FALSE, "phone");
            facts.call("B", "2026-10-06T09:00:00", 700, ANSWERED, 0, 0, Boolean.TRUE, "phone");
        });

        RunSnapshot snapshot = snapshotOfOctober(database);

        List<KpiLine> noData = snapshot.kpis().stream().filter(kpi -> kpi.value() == null).toList();
        assertThat(noData).as("answers and cases are missing, so some figures are no data").isNotEmpty()
                .allSatisfy(kpi -> assertThat(kpi.noDataReason()).as("%s [%s]", kpi.code(), kpi.dimension())
                        .isNotBlank());
        assertThat(snapshot.kpis()).filteredOn(kpi -> kpi.value() != null)
                .allSatisfy(kpi -> assertThat(kpi.noDataReason()).as(kpi.code()).isNull());

        assertThat(overall(snapshot, KpiCatalogue.NPS).noDataReason()).isEqualTo("no survey answers in the month");
        assertThat(overall(snapshot, KpiCatalogue.FIRST_CONTACT_RESOLUTION).noDataReason())
                .isEqualTo("no service cases in the month");
        assertThat(overall(snapshot, KpiCatalogue.CLOSED_LOOP).noDataReason())
                .isEqualTo("no survey answers in the month and no service cases in the month");
        assertThat(overall(snapshot, KpiCatalogue.CHURN_RATE).value()).as("C left in October").isNotNull();
        // each slice of a figure the month cannot have gives the month's reason
        assertThat(snapshot.kpis()).filteredOn(kpi -> kpi.code().equals(KpiCatalogue.NPS) && kpi.value() == null)
                .extracting(KpiLine::noDataReason).containsOnly("no survey answers in the month");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theReasonSurvivesTheArchivedSnapshot(TestDatabase database) {
        on(database);
        database.write(entityManager -> new Facts(entityManager).call("A", "2026-10-05T09:00:00", 15, ANSWERED, 1, 1,
                Boolean.FALSE, "phone"));

        RunSnapshot snapshot = snapshotOfOctober(database);
        RunSnapshot archived = org.rapport.engine.run.SnapshotArchive.fromJson(
                org.rapport.engine.run.SnapshotArchive.toJson(snapshot));

        assertThat(overall(archived, KpiCatalogue.CHURN_RATE).noDataReason())
                .isEqualTo("no customers known for the month");
        assertThat(archived.kpis()).isEqualTo(snapshot.kpis());
    }

    private static KpiLine overall(RunSnapshot snapshot, String code) {
        return snapshot.kpis().stream().filter(kpi -> kpi.code().equals(code)
                && kpi.dimension().equals(SnapshotSections.OVERALL)).findFirst().orElseThrow();
    }

    private static RunSnapshot snapshotOfOctober(TestDatabase database) {
        long runId = database.read(entityManager -> steps(entityManager).create(OCTOBER, RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).closeIntake(runId));
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        return database.read(entityManager -> steps(entityManager).snapshot(runId, "Acme"));
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }
}
