package org.rapport.engine.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.DeliveryInProgress;
import org.rapport.engine.intake.IntakeTurns;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.outage.WorkInterrupted;

/** What the intake is busy with, as runs see it: files being stored and files waiting their turn. */
class IntakeActivityTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final IntakeActivity activity = new IntakeActivity();
    private final IntakeTurns turns = new IntakeTurns(1);
    private final ExecutorService intake = Executors.newCachedThreadPool();
    /** Whether the intake looked idle after each event, in order. */
    private final List<Boolean> idleAfterEachEvent = new CopyOnWriteArrayList<>();
    private final Consumer<DeliveryInProgress> events = event -> {
        synchronized (activity) {
            activity.onDelivery(event);
            idleAfterEachEvent.add(activity.idle());
        }
    };

    @AfterEach
    void stop() throws InterruptedException {
        intake.shutdownNow();
        assertThat(intake.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFileWaitingItsTurnIsShownAsSuchAndKeepsRunsWaiting() throws Exception {
        CountDownLatch bankStored = new CountDownLatch(1);
        Future<String> bank = intake.submit(() -> turns.store(delivery("bank.tsv"), events, () -> {
            letGo(bankStored);
            return "bank stored";
        }));
        await().atMost(PATIENCE).until(() -> activity.beingStored().equals(List.of("bank-ivr bank.tsv")));
        Future<String> pbx = intake.submit(() -> turns.store(delivery("pbx.csv"), events, () -> "pbx stored"));

        await().atMost(PATIENCE).until(() -> turns.waiting() == 1);
        assertThat(activity.beingStored()).containsExactly("bank-ivr bank.tsv", "bank-ivr pbx.csv (waiting its turn)");
        assertThat(activity.idle()).isFalse();

        bankStored.countDown();
        assertThat(bank.get(10, TimeUnit.SECONDS)).isEqualTo("bank stored");
        assertThat(pbx.get(10, TimeUnit.SECONDS)).isEqualTo("pbx stored");

        assertThat(activity.beingStored()).isEmpty();
        assertThat(activity.idle()).isTrue();
        // idle once only: after the last file, never between a file's waiting and its storing
        assertThat(idleAfterEachEvent).hasSize(8).endsWith(true).filteredOn(idle -> idle).hasSize(1);
    }

    @Test
    void aFileWhoseWaitWasInterruptedLeavesNoTraceAndNeverRan() throws Exception {
        CountDownLatch bankStored = new CountDownLatch(1);
        intake.submit(() -> turns.store(delivery("bank.tsv"), events, () -> {
            letGo(bankStored);
            return "bank stored";
        }));
        await().atMost(PATIENCE).until(() -> activity.beingStored().size() == 1);
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread pbx = new Thread(() -> {
            try {
                turns.store(delivery("pbx.csv"), events, () -> ran.add("pbx"));
                refused.complete(null);
            } catch (RuntimeException e) {
                refused.complete(e);
            }
        });
        pbx.start();
        await().atMost(PATIENCE).until(() -> turns.waiting() == 1);

        pbx.interrupt();

        assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(WorkInterrupted.class);
        assertThat(ran).isEmpty();
        assertThat(activity.beingStored()).containsExactly("bank-ivr bank.tsv");
        bankStored.countDown();
        await().atMost(PATIENCE).until(activity::idle);
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void aFileThatFailsWhileStoredGivesItsTurnBackAndIsNoLongerShown() {
        assertThatThrownBy(() -> turns.store(delivery("bank.tsv"), events, () -> {
            throw new IllegalStateException("the bank's file broke off");
        })).hasMessage("the bank's file broke off");

        assertThat(activity.idle()).isTrue();
        assertThat(turns.free()).isEqualTo(1);
    }

    private static Delivery delivery(String fileName) {
        return new Delivery(SourceKind.CALLS, "bank-ivr", fileName, "0".repeat(64), null, sink -> null);
    }

    private static void letGo(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never let go");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
