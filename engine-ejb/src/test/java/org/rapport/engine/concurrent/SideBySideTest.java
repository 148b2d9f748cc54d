package org.rapport.engine.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class SideBySideTest {

    @Test
    void everyPartIsDoneOnceAndCountedAsItIsDone() {
        List<Integer> done = Collections.synchronizedList(new ArrayList<>());
        List<Integer> counted = Collections.synchronizedList(new ArrayList<>());

        new SideBySide(Executors.defaultThreadFactory(), 2).run(List.of(1, 2, 3, 4, 5), done::add, counted::add);

        assertThat(done).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(counted).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void twoPartsSideBySideAreDoneAtTheSameTime() {
        // each part waits for the other: done one after the other, the first would wait in vain
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        List<String> threads = Collections.synchronizedList(new ArrayList<>());

        new SideBySide(Executors.defaultThreadFactory(), 2).run(List.of("a", "b"), part -> {
            threads.add(Thread.currentThread().getName());
            await(bothRunning);
        }, done -> { });

        assertThat(threads).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void oneAtATimeRunsOnTheCallersThreadInOrder() {
        List<String> done = new ArrayList<>();
        String caller = Thread.currentThread().getName();

        new SideBySide(Executors.defaultThreadFactory(), 1).run(List.of("a", "b", "c"),
                part -> done.add(part + "@" + Thread.currentThread().getName()), count -> { });

        assertThat(done).containsExactly("a@" + caller, "b@" + caller, "c@" + caller);
    }

    @Test
    void theFirstFailureIsThrownAsItWasOnceThePartsBegunHaveEnded() {
        IllegalStateException outage = new IllegalStateException("the database is gone");
        List<String> ended = Collections.synchronizedList(new ArrayList<>());
        CyclicBarrier bothRunning = new CyclicBarrier(2);

        assertThatThrownBy(() -> new SideBySide(Executors.defaultThreadFactory(), 2).run(List.of("fails", "ends"),
                part -> {
                    await(bothRunning);
                    if (part.equals("fails")) {
                        throw outage;
                    }
                    ended.add(part);
                }, done -> { }))
                .isSameAs(outage);
        assertThat(ended).containsExactly("ends");
    }

    @Test
    void fewerThanOnePartAtATimeIsRefused() {
        assertThatThrownBy(() -> new SideBySide(Executors.defaultThreadFactory(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("the other part never ran beside this one", e);
        }
    }
}
