package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** The months a delivery touches are the months its records are dated in, not the latest month with data. */
class TouchedMonthsTest extends PersistenceSpec {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLateCallLogTouchesOnlyTheMonthsOfItsCalls(TestDatabase database) {
        on(database);
        long october = stored(database, "a", "2026-10-02T09:00:00", "2026-10-31T17:00:00");
        long late = stored(database, "b", "1999-02-10T09:00:00", "1999-02-28T23:59:00", "1999-03-01T00:00:00");

        SortedSet<YearMonth> lateOnly = database.read(entityManager -> new TouchedMonths(entityManager).of(Set.of(late)));
        SortedSet<YearMonth> both = database.read(entityManager -> new TouchedMonths(entityManager)
                .of(Set.of(october, late)));

        assertThat(lateOnly).containsExactly(YearMonth.of(1999, 2), YearMonth.of(1999, 3));
        assertThat(both).containsExactly(YearMonth.of(1999, 2), YearMonth.of(1999, 3), YearMonth.of(2026, 10));
        java.util.Map<Long, SortedSet<YearMonth>> byDelivery = database.read(entityManager ->
                new TouchedMonths(entityManager).byDelivery(Set.of(october, late)));
        assertThat(byDelivery)
                .containsOnlyKeys(october, late)
                .hasEntrySatisfying(october, months -> assertThat(months).containsExactly(YearMonth.of(2026, 10)))
                .hasEntrySatisfying(late, months -> assertThat(months)
                        .containsExactly(YearMonth.of(1999, 2), YearMonth.of(1999, 3)));
    }

    private static long stored(TestDatabase database, String tag, String... startedAt) {
        List<CanonicalRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < startedAt.length; i++) {
            calls.add(new CallRecord(i + 2, tag + "-call-" + i, "C1", LocalDateTime.parse(startedAt[i]), 30, 60, 200,
                    CallOutcome.ANSWERED, true, 0, 0, Boolean.TRUE, "phone"));
        }
        IntakeBatch batch = new IntakeBatch(SourceKind.CALLS, "test-ivr", tag + ".csv", tag.repeat(64), calls, List.of(),
                null);
        return database.read(entityManager -> Facts.store(entityManager).store(batch).batchId());
    }
}
