package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.BatchStore;
import org.rapport.engine.intake.CustomerRecord;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.ServiceCaseRecord;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.snapshot.Appendix;
import org.rapport.engine.snapshot.BatchLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class MonthObservationsTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void detractorsWithoutAnyServiceCaseHaveNoClosedLoopFigureRatherThanZero(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customerIn("A", "consumer", "high");
            facts.answer("A", "2026-10-07T10:00:00", "call", 2, 1, 1, null);
        });

        assertThat(closedLoop(database)).as("no case at all: nobody can say whether A was called back").isNull();

        // Once the CRM delivers the month's cases, none of which is A's call-back, 0 % is what happened.
        database.write(entityManager -> new Facts(entityManager).serviceCase("B", "2026-10-09T09:00:00Z", null,
                "email", ServiceCaseKind.COMPLAINT, "bill"));
        assertThat(closedLoop(database)).isEqualByComparingTo("0.00");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void churnNeedsCustomerRecordsThatReachTheMonth(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, "300");
            facts.leaver("B", LocalDate.of(2026, 9, 20), ChurnReason.TREATMENT);
        });

        // The customer file ends in September: it cannot say that nobody left in October.
        assertThat(figure(database, KpiCatalogue.CHURN_RATE)).isNull();
        assertThat(figure(database, KpiCatalogue.VALUE_LOST)).isNull();

        database.write(entityManager -> new Facts(entityManager).customer("C", LocalDate.of(2026, 10, 3), null, "90"));
        assertThat(figure(database, KpiCatalogue.CHURN_RATE)).isEqualByComparingTo("0.00");
        assertThat(figure(database, KpiCatalogue.VALUE_LOST)).isEqualByComparingTo("0.00");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthInWhichNobodyJoinedOrLeftHasChurnZeroOnceTheCustomerFileAfterItArrives(TestDatabase database) {
        on(database);
        List<CanonicalRecord> customers = List.of(
                customer(2, "A", LocalDate.of(2020, 1, 1), null),
                customer(3, "B", LocalDate.of(2021, 6, 1), null),
                customer(4, "D", LocalDate.of(2019, 3, 1), LocalDate.of(2026, 9, 20)));
        // the CRM's file as it stood in mid-October: nobody had left yet, but the month was not over
        database.write(entityManager -> deliver(entityManager, "2026-10-20T07:00:00Z", "customers-2026-10-20.csv",
                customers));
        assertThat(figure(database, KpiCatalogue.CHURN_RATE)).as("a file from before the month ended").isNull();

        // the file delivered after October ended: still nobody joined or left in October
        database.write(entityManager -> deliver(entityManager, "2026-11-02T07:00:00Z", "customers-2026-11-02.csv",
                customers));
        assertThat(figure(database, KpiCatalogue.CHURN_RATE)).as("A and B stayed: 0 of 2 left")
                .isEqualByComparingTo("0.00");
        assertThat(figure(database, KpiCatalogue.VALUE_LOST)).isEqualByComparingTo("0.00");
        boolean novemberKnown = database.read(entityManager -> MonthObservations.of(entityManager,
                ReportingMonth.of(YearMonth.of(2026, 11)), java.time.ZoneOffset.UTC).customers());
        assertThat(novemberKnown)
                .as("the same file says nothing yet about November, which it was delivered in").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void noCustomersKnownMeansNoChurnFigure(TestDatabase database) {
        on(database);
        database.write(entityManager -> new Facts(entityManager).call("A", "2026-10-05T09:00:00",
                org.rapport.engine.contact.CallOutcome.ANSWERED, "phone"));

        assertThat(figure(database, KpiCatalogue.CHURN_RATE)).isNull();
        assertThat(KpiEvidence.noDataReason(KpiCatalogue.CHURN_RATE, true, database.read(entityManager ->
                MonthObservations.of(entityManager, OCTOBER, java.time.ZoneOffset.UTC))))
                .isEqualTo("no customers known for the month");
    }

    private static CustomerRecord customer(long line, String id, LocalDate since, LocalDate churnedOn) {
        return new CustomerRecord(line, id, "consumer", "north", "high", since,
                churnedOn == null ? CustomerStatus.ACTIVE : CustomerStatus.CHURNED, churnedOn,
                churnedOn == null ? null : ChurnReason.TREATMENT, new BigDecimal("300"), "phone", true, true);
    }

    private static void deliver(jakarta.persistence.EntityManager entityManager, String receivedAt, String file,
            List<CanonicalRecord> records) {
        new BatchStore(entityManager, Clock.fixed(Instant.parse(receivedAt), java.time.ZoneOffset.UTC))
                .store(new IntakeBatch(SourceKind.CUSTOMERS, "crm", file, String.format("%064x",
                        file.hashCode() & 0xffffffffL), records, List.of(), null));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lineageAndCoverageListOnlyTheFilesHoldingRecordsOfTheMonth(TestDatabase database) {
        on(database);
        List<CanonicalRecord> complaints = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Instant opened = Instant.parse("2015-03-02T09:00:00Z").plusSeconds(3_600L * i);
            complaints.add(new ServiceCaseRecord(i + 2, "C" + i, opened, opened.plusSeconds(600), "email",
                    ServiceCaseKind.COMPLAINT, "billing", "a complaint"));
        }
        database.write(entityManager -> {
            Facts.store(entityManager).store(Facts.callsFile("a".repeat(64), 5));
            Facts.store(entityManager).store(new IntakeBatch(SourceKind.SERVICE_CASES, "crm", "complaints-2015.csv",
                    "b".repeat(64), complaints, List.of(), null));
        });

        RuleEngine rules = new RuleEngine();
        long runId = database.read(entityManager -> new RunSteps(entityManager, rules, Clock.systemUTC())
                .create(OCTOBER.month(), RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> new RunSteps(entityManager, rules, Clock.systemUTC()).closeIntake(runId));
        RunSnapshot snapshot = database.read(entityManager -> new RunSteps(entityManager, rules, Clock.systemUTC())
                .snapshot(runId, "Acme"));

        assertThat(snapshot.sourceBatches()).extracting(BatchLine::fileName).containsExactly("calls.csv");
        assertThat(snapshot.appendix().coverage()).filteredOn(c -> c.kind().equals("SERVICE_CASES"))
                .extracting(Appendix.Coverage::files).containsExactly(0);
        assertThat(snapshot.appendix().coverage()).filteredOn(c -> c.kind().equals("CALLS"))
                .extracting(Appendix.Coverage::rowsAccepted).containsExactly(5L);
    }

    private java.math.BigDecimal closedLoop(TestDatabase database) {
        return figure(database, KpiCatalogue.CLOSED_LOOP);
    }

    private static java.math.BigDecimal figure(TestDatabase database, String code) {
        return database.read(entityManager -> new MonthlyMeasures(entityManager).measure(OCTOBER).stream()
                .filter(m -> m.code().equals(code) && m.dimension().equals(Measurement.OVERALL))
                .findFirst().orElseThrow().value());
    }
}
