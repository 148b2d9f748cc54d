package org.rapport.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class CallBatchesTest extends PersistenceSpec {

    private static final LocalDateTime OCTOBER = LocalDateTime.parse("2026-10-01T00:00");
    private static final LocalDateTime NOVEMBER = LocalDateTime.parse("2026-11-01T00:00");

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachAcceptedBatchWithACallInTheMonthIsListedOnceInOrder(TestDatabase database) {
        on(database);
        long spanning = batchOfCalls(database, "2026-09-30T23:59:59", "2026-10-01T00:00");
        batchOfCalls(database, "2026-09-03T10:00", "2026-09-30T23:59:59");
        long busy = batchOfCalls(database, "2026-10-05T10:00", "2026-10-05T10:01", "2026-10-05T11:00",
                "2026-10-31T23:59:59");
        batchOfCalls(database, "2026-11-01T00:00");
        long beingStored = batchOfCalls(database, "2026-10-10T09:00");
        database.write(entityManager -> entityManager.createNativeQuery("update source_batch set status = 'BEING_STORED'"
                + " where id = ?").setParameter(1, beingStored).executeUpdate());
        long afterIt = batchOfCalls(database, "2026-10-10T09:00", "2026-10-10T10:00");

        List<Long> batches = database.read(entityManager -> new CallBatches(entityManager)
                .startedBetween(OCTOBER, NOVEMBER));

        assertThat(batches).as("not September's, November's or the one being stored").containsExactly(spanning, busy,
                afterIt);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRangeThatCutsItsDaysCountsABatchOnlyForACallInsideIt(TestDatabase database) {
        on(database);
        batchOfCalls(database, "2026-10-01T05:59:59");
        long atTheStart = batchOfCalls(database, "2026-10-01T06:00");
        long beforeTheEnd = batchOfCalls(database, "2026-10-02T05:59:59");
        batchOfCalls(database, "2026-10-02T06:00");

        List<Long> batches = database.read(entityManager -> new CallBatches(entityManager).startedBetween(
                LocalDateTime.parse("2026-10-01T06:00"), LocalDateTime.parse("2026-10-02T06:00")));

        assertThat(batches).containsExactly(atTheStart, beforeTheEnd);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listsTheBatchesTheMonthsCallsCameFromAndNoOther(TestDatabase database) {
        on(database);
        Random random = new Random(11);
        SortedSet<Long> expected = new TreeSet<>();
        for (int batch = 0; batch < 12; batch++) {
            List<String> times = new ArrayList<>();
            boolean inOctober = false;
            // a few calls each, from mid-September to mid-November: some batches have none in October
            for (int call = random.nextInt(4) + 1; call > 0; call--) {
                LocalDateTime startedAt = LocalDateTime.parse("2026-09-15T00:00").plusSeconds(random.nextInt(
                        60 * 86_400));
                inOctober |= !startedAt.isBefore(OCTOBER) && startedAt.isBefore(NOVEMBER);
                times.add(startedAt.toString());
            }
            long id = batchOfCalls(database, times.toArray(String[]::new));
            if (inOctober) {
                expected.add(id);
            }
        }

        List<Long> batches = database.read(entityManager -> new CallBatches(entityManager)
                .startedBetween(OCTOBER, NOVEMBER));

        assertThat(expected).as("the seed gives batches in and out of October").hasSizeBetween(1, 11);
        assertThat(batches).containsExactlyElementsOf(expected);
    }

    /** A calls batch, accepted, holding a call started at each of {@code startedAt}; its id. */
    private static long batchOfCalls(TestDatabase database, String... startedAt) {
        long[] id = new long[1];
        database.write(entityManager -> {
            SourceBatch batch = new SourceBatch(SourceKind.CALLS, "pbx", "calls.csv", Long.toHexString(
                    System.nanoTime()), Instant.parse("2026-11-01T06:00:00Z"));
            entityManager.persist(batch);
            for (String time : startedAt) {
                persistCall(entityManager, batch, LocalDateTime.parse(time));
            }
            entityManager.flush();
            id[0] = batch.getId();
        });
        return id[0];
    }

    private static void persistCall(EntityManager entityManager, SourceBatch batch, LocalDateTime startedAt) {
        entityManager.persist(new Call(batch, null, null, startedAt, 30, 20, 180, CallOutcome.ANSWERED, true, 0, 0,
                null, "phone"));
    }
}
