package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.engine.outage.InfrastructureFault;
import org.rapport.engine.outage.WorkInterrupted;

/** Delivered files let into the store a few at a time, in the order they asked. */
class IntakeTurnsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final ExecutorService files = Executors.newCachedThreadPool();

    @AfterEach
    void stopFiles() throws InterruptedException {
        files.shutdownNow();
        assertThat(files.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSecondFileWaitsUntilTheFirstHasGivenItsTurnBack() throws Exception {
        IntakeTurns turns = new IntakeTurns(1);
        IntakeTurns.Turn first = turns.take("bank.tsv");

        CompletableFuture<IntakeTurns.Turn> second = CompletableFuture.supplyAsync(() -> turns.take("pbx.csv"), files);
        await().atMost(PATIENCE).until(() -> turns.waiting() == 1);
        assertThat(second).as("let in while the first is stored").isNotDone();

        first.close();
        IntakeTurns.Turn secondsTurn = second.get(10, TimeUnit.SECONDS);
        assertThat(turns.free()).isZero();
        secondsTurn.close();
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void waitingFilesAreLetInInTheOrderTheyAsked() throws Exception {
        IntakeTurns turns = new IntakeTurns(1);
        IntakeTurns.Turn first = turns.take("customers.csv");
        List<String> letIn = new CopyOnWriteArrayList<>();
        List<String> waiting = List.of("bank.tsv", "pbx.csv", "surveys.csv");
        for (String file : waiting) {
            int before = turns.waiting();
            files.submit(() -> {
                try (IntakeTurns.Turn turn = turns.take(file)) {
                    letIn.add(file);
                }
                return null;
            });
            // each asks only once the one before is queued, so the order asked is known
            await().atMost(PATIENCE).until(() -> turns.waiting() == before + 1);
        }

        first.close();

        await().atMost(PATIENCE).until(() -> letIn.size() == waiting.size());
        assertThat(letIn).containsExactlyElementsOf(waiting);
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void asManyFilesAsConfiguredAreStoredSideBySide() throws Exception {
        IntakeTurns turns = new IntakeTurns(2);
        IntakeTurns.Turn first = turns.take("bank.tsv");
        IntakeTurns.Turn second = turns.take("pbx.csv");
        assertThat(turns.free()).isZero();

        Future<IntakeTurns.Turn> third = files.submit(() -> turns.take("surveys.csv"));
        await().atMost(PATIENCE).until(() -> turns.waiting() == 1);
        second.close();

        third.get(10, TimeUnit.SECONDS).close();
        first.close();
        assertThat(turns.free()).isEqualTo(2);
    }

    @Test
    void aTurnClosedTwiceIsGivenBackOnce() {
        IntakeTurns turns = new IntakeTurns(1);
        IntakeTurns.Turn turn = turns.take("bank.tsv");

        turn.close();
        turn.close();

        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void aFileWhoseWaitIsInterruptedTakesNoTurnAndIsLeftForLaterAsTheServerStopping() throws Exception {
        IntakeTurns turns = new IntakeTurns(1);
        IntakeTurns.Turn first = turns.take("bank.tsv");
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        CompletableFuture<Boolean> interruptKept = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                turns.take("pbx.csv").close();
                refused.complete(null);
            } catch (RuntimeException e) {
                refused.complete(e);
                interruptKept.complete(Thread.currentThread().isInterrupted());
            }
        });
        waiter.start();
        await().atMost(PATIENCE).until(() -> turns.waiting() == 1);

        waiter.interrupt();

        Throwable failure = refused.get(10, TimeUnit.SECONDS);
        assertThat(failure).isInstanceOf(WorkInterrupted.class).hasMessageContaining("'pbx.csv'");
        assertThat(interruptKept.get(10, TimeUnit.SECONDS)).as("the thread still knows it was interrupted").isTrue();
        // not the file's fault: it stays in its inbox, as for a database out of reach
        assertThat(InfrastructureFault.of(failure)).map(InfrastructureFault::reason)
                .contains("the server is stopping");
        assertThat(turns.waiting()).isZero();
        first.close();
        assertThat(turns.free()).as("the interrupted file holds no turn").isEqualTo(1);
    }

    @Test
    void unconfiguredAFileIsLetInForEveryTwoCoresAndAlwaysOne() {
        assertThat(IntakeTurns.forCores(1)).isEqualTo(1);
        assertThat(IntakeTurns.forCores(2)).isEqualTo(1);
        assertThat(IntakeTurns.forCores(3)).isEqualTo(1);
        assertThat(IntakeTurns.forCores(8)).isEqualTo(4);
        assertThat(new IntakeTurns(Optional.empty()).free())
                .isEqualTo(IntakeTurns.forCores(Runtime.getRuntime().availableProcessors()));
        assertThat(new IntakeTurns(Optional.of(3)).free()).as("as configured").isEqualTo(3);
    }

    @Test
    void noTurnAtAllIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new IntakeTurns(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rapport.intake.files-at-once is 0");
    }
}
