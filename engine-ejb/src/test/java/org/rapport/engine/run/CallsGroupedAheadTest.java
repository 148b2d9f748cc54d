package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.YearMonth;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.engagement.EngagementScoring;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** The measuring step's grouping of the calls for the scoring step, done in the background. */
class CallsGroupedAheadTest extends PersistenceSpec {

    private long runId;

    @AfterEach
    void letGo() {
        if (database != null) {
            database.write(entityManager -> new EngagementScoring(entityManager).finish(runId));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunStillRunningFindsItsCallsGroupedForItsScoringStep(TestDatabase database) throws Exception {
        runId = runningRunWithCalls(on(database));

        groupAhead(database, entityManager -> entityManager.find(Run.class, runId));

        assertThat(EngagementScoring.holdsCallsGroupedAhead(runId)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRunThatFailsWhileItsCallsAreGroupedLetsGoOfThem(TestDatabase database) throws Exception {
        runId = runningRunWithCalls(on(database));

        // the bean's first look finds the run running; it fails, and lets go of its grouped calls, before the
        // grouping holds them
        groupAhead(database, entityManager -> {
            entityManager.find(Run.class, runId);
            database.write(other -> new RunSteps(other, null, java.time.Clock.systemUTC()).fail(runId, "stopped"));
        });

        RunStatus status = database.read(other -> other.find(Run.class, runId).getStatus());
        assertThat(status).isEqualTo(RunStatus.FAILED);
        assertThat(EngagementScoring.holdsCallsGroupedAhead(runId)).as("nothing would ever take them").isFalse();
    }

    private static long runningRunWithCalls(TestDatabase database) {
        long[] id = new long[1];
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.call("A", "2026-10-05T09:00:00", CallOutcome.ANSWERED, "phone");
            facts.call("B", "2026-10-06T09:00:00", CallOutcome.SELF_SERVED, "web");
            Run run = facts.run(YearMonth.of(2026, 10));
            entityManager.flush();
            id[0] = run.getId();
        });
        return id[0];
    }

    /** Runs the bean for this run on an entity manager of its own, after {@code before} on the same one. */
    private void groupAhead(TestDatabase database, Consumer<EntityManager> before) throws ReflectiveOperationException {
        EntityManager entityManager = database.factory().createEntityManager();
        try {
            before.accept(entityManager);
            bean(entityManager).group(runId);
        } finally {
            entityManager.close();
        }
    }

    private static CallsGroupedAhead bean(EntityManager entityManager) throws ReflectiveOperationException {
        CallsGroupedAhead bean = new CallsGroupedAhead();
        Field injected = CallsGroupedAhead.class.getDeclaredField("entityManager");
        injected.setAccessible(true);
        injected.set(bean, entityManager);
        return bean;
    }
}
