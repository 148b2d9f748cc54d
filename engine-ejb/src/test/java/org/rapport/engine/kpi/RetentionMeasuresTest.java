package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class RetentionMeasuresTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void churnRateIsCustomersLostInTheMonthOverCustomersActiveAtItsStart(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.customer("B", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 10, 10), "600");
            facts.customer("C", LocalDate.of(2023, 1, 1), LocalDate.of(2026, 10, 31), null);
            facts.customer("D", LocalDate.of(2023, 1, 1), LocalDate.of(2026, 9, 30), "900"); // left in September
            facts.customer("E", LocalDate.of(2026, 10, 5), null, "120");                      // joined in October
            facts.customer("F", LocalDate.of(2022, 1, 1), null, "200");
            facts.customer("G", LocalDate.of(2022, 1, 1), LocalDate.of(2026, 11, 1), "400");  // leaves in November
        });

        List<Measurement> retention = database.read(entityManager ->
                new RetentionMeasures(entityManager).measure(ReportingMonth.of(YearMonth.of(2026, 10))));

        // Active on 1 October: A, B, C, F, G. Lost in October: B and C.
        assertThat(retention).filteredOn(m -> m.code().equals(KpiCatalogue.CHURN_RATE)).singleElement()
                .satisfies(churn -> {
                    assertThat(churn.value()).isEqualByComparingTo("40.00");
                    assertThat(churn.sampleSize()).isEqualTo(5);
                });
        // B's £600 plus the default £248 for C, whose value the CRM does not know.
        assertThat(retention).filteredOn(m -> m.code().equals(KpiCatalogue.VALUE_LOST)).singleElement()
                .satisfies(lost -> assertThat(lost.value()).isEqualByComparingTo("848.00"));
    }
}
