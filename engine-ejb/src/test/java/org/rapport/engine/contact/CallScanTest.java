package org.rapport.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * H2 scans the calls table when the days read hold a large share of its calls, and goes through the day index for a
 * short stretch of a long history; PostgreSQL's planner chooses for itself.
 */
class CallScanTest extends PersistenceSpec {

    private static final CallDays OCTOBER = new CallDays(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-31"));
    private static final CallDays A_WEEK = new CallDays(LocalDate.parse("2026-10-09"), LocalDate.parse("2026-10-16"));

    @Test
    void theShareIsOfTheDaysTheCallsSpanThatTheDaysRead() {
        LocalDate first = LocalDate.parse("2026-10-01");
        LocalDate last = LocalDate.parse("2026-10-31");

        assertThat(CallScan.share(OCTOBER, first, last)).isEqualTo(1.0);
        assertThat(CallScan.share(new CallDays(LocalDate.parse("2026-08-03"), last), first, last))
                .as("a window reaching before the first call").isEqualTo(1.0);
        assertThat(CallScan.share(A_WEEK, first, last)).isEqualTo(8 / 31.0);
        assertThat(CallScan.share(A_WEEK, LocalDate.parse("2025-11-01"), last)).isEqualTo(8 / 365.0);
        assertThat(CallScan.share(new CallDays(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-07")), first,
                last)).as("days after every call").isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMonthOfAOneMonthHistoryIsScannedOnH2(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.call("A", "2026-10-01T09:00:00", CallOutcome.ANSWERED, "phone");
            facts.call("A", "2026-10-31T09:00:00", CallOutcome.ANSWERED, "phone");
        });

        String table = database.read(entityManager -> CallScan.table(entityManager, OCTOBER, "c"));

        assertThat(table).isEqualTo(database == TestDatabase.H2 ? "call_record c use index ()" : "call_record c");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aWeekOfAYearsHistoryIsReadThroughTheDayIndex(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.call("A", "2025-11-01T09:00:00", CallOutcome.ANSWERED, "phone");
            facts.call("A", "2026-10-31T09:00:00", CallOutcome.ANSWERED, "phone");
        });

        String aWeek = database.read(entityManager -> CallScan.table(entityManager, A_WEEK, "c"));
        String aMonth = database.read(entityManager -> CallScan.table(entityManager, OCTOBER, "c"));

        assertThat(aWeek).isEqualTo("call_record c");
        assertThat(aMonth).as("a month of a year: a twelfth").isEqualTo("call_record c");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void noCallsAtAllAreReadThroughTheIndex(TestDatabase database) {
        on(database);

        String table = database.read(entityManager -> CallScan.table(entityManager, OCTOBER, "c"));

        assertThat(table).isEqualTo("call_record c");
    }
}
