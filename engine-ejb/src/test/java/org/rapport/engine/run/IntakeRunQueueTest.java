package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * The months intake-triggered runs owe are kept in the database: what was delivered before a restart
 * is planned after it, each delivery is planned once, and the plan does not depend on which files
 * happened to be stored in the same quiet period.
 */
class IntakeRunQueueTest extends PersistenceSpec {

    private static final YearMonth MARCH_2019 = YearMonth.of(2019, 3);
    private static final YearMonth AUGUST_2026 = YearMonth.of(2026, 8);
    private static final YearMonth SEPTEMBER_2026 = YearMonth.of(2026, 9);

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoFilesStoredInOneQuietPeriodEachGetTheirOwnLatestMonth(TestDatabase database) {
        on(database);
        ranBefore(AUGUST_2026);
        stored("late-survey-period", "2026-09-30T10:00:00");
        stored("march-2019", "2019-03-01T09:00:00", "2019-03-31T17:00:00");

        assertThat(plan()).containsExactly(MARCH_2019, SEPTEMBER_2026);
        assertThat(head()).contains(MARCH_2019);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deliveriesAndQueuedMonthsOutliveTheServerThatReceivedThem(TestDatabase database) {
        on(database);
        ranBefore(AUGUST_2026);
        stored("september", "2026-09-02T10:00:00");

        // a fresh queue (a restarted server) reading the same database finds the delivery still owed
        assertThat(owed()).isTrue();
        assertThat(plan()).containsExactly(SEPTEMBER_2026);
        assertThat(owed()).isTrue();
        assertThat(head()).contains(SEPTEMBER_2026);

        database.write(entityManager -> queue(entityManager).remove(SEPTEMBER_2026));

        assertThat(owed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDeliveryIsPlannedOnceAndAMonthQueuedOnce(TestDatabase database) {
        on(database);
        ranBefore(AUGUST_2026);
        stored("first", "2026-09-02T10:00:00");
        assertThat(plan()).containsExactly(SEPTEMBER_2026);

        assertThat(plan()).as("nothing new delivered").isEmpty();

        stored("second", "2026-09-03T10:00:00");
        assertThat(plan()).containsExactly(SEPTEMBER_2026);
        long queued = database.read(entityManager -> entityManager
                .createQuery("select count(q) from QueuedMonth q", Long.class).getSingleResult());
        assertThat(queued).isEqualTo(1L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInstallationThatRunsOneMonthQueuesThatMonthWhateverIsDelivered(TestDatabase database) {
        on(database);
        stored("march-2019", "2019-03-01T09:00:00");

        List<YearMonth> planned = List.copyOf(
                database.read(entityManager -> queue(entityManager).planNewDeliveries(Optional.of(AUGUST_2026))));
        assertThat(planned).containsExactly(AUGUST_2026);
    }

    private List<YearMonth> plan() {
        return List.copyOf(database.read(entityManager -> queue(entityManager).planNewDeliveries(Optional.empty())));
    }

    private boolean owed() {
        return database.read(entityManager -> queue(entityManager).hasWork());
    }

    private Optional<YearMonth> head() {
        return database.read(entityManager -> queue(entityManager).next());
    }

    private void ranBefore(YearMonth month) {
        database.write(entityManager -> new RunSteps(entityManager, new RuleEngine(), Clock.systemUTC())
                .create(month, RunOrigin.ON_DEMAND));
    }

    private void stored(String tag, String... startedAt) {
        List<CanonicalRecord> calls = new ArrayList<>();
        for (int i = 0; i < startedAt.length; i++) {
            calls.add(new CallRecord(i + 2, tag + "-call-" + i, "C1", LocalDateTime.parse(startedAt[i]), 30, 60, 200,
                    CallOutcome.ANSWERED, true, 0, 0, Boolean.TRUE, "phone"));
        }
        String checksum = (tag + "0".repeat(64)).substring(0, 64);
        IntakeBatch batch = new IntakeBatch(SourceKind.CALLS, "test-ivr", tag + ".csv", checksum, calls, List.of(), null);
        database.read(entityManager -> Facts.store(entityManager).store(batch).batchId());
    }

    private static IntakeRunQueue queue(EntityManager entityManager) {
        return new IntakeRunQueue(entityManager, Clock.systemUTC());
    }
}
