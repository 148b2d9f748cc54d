package org.rapport.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.integration.filedrop.ReplayRefused;
import org.rapport.integration.support.RecordedLog;

/**
 * A replay's request is answered with the replay's receipt when it is done in time, and otherwise told the replay is
 * under way while it goes on; what becomes of a replay no request waits for is told once, by the ledger when it is
 * done and by one log line when it fails.
 */
class ReplayInBackgroundTest {

    private static final IntakeReceipt RECEIPT = new IntakeReceipt(8, BatchStatus.ACCEPTED, 2, 0, 0, null, List.of(7L),
            null);
    private static final Duration LONG_ENOUGH = Duration.ofSeconds(30);

    private final Threads threads = new Threads();
    private final List<IntakeReceipt> replayed = new CopyOnWriteArrayList<>();
    private final CountDownLatch turn = new CountDownLatch(1);
    private final RecordedLog log = new RecordedLog("org.rapport.web");

    @AfterEach
    void endReplays() throws InterruptedException {
        turn.countDown();
        threads.awaitAll();
        log.close();
    }

    @Test
    void aReplayDoneWithinTheWaitIsAnsweredWithItsReceipt() throws Exception {
        ReplayInBackground.Answer answer = new ReplayInBackground(threads, LONG_ENOUGH).start(7, "calls.csv",
                () -> RECEIPT, replayed::add);

        assertThat(answer.done()).isTrue();
        assertThat(answer.receipt()).isEqualTo(RECEIPT);
        assertThat(replayed).as("told once, before the answer").containsExactly(RECEIPT);
    }

    @Test
    void aReplayWaitingItsTurnIsAnsweredUnderWayAndGoesOnToItsEnd() throws Exception {
        ReplayInBackground.Answer answer = new ReplayInBackground(threads, Duration.ofMillis(50)).start(7,
                "calls.csv", () -> {
                    awaitTurn();
                    return RECEIPT;
                }, replayed::add);

        assertThat(answer.done()).isFalse();
        assertThat(replayed).as("nothing replayed yet").isEmpty();

        turn.countDown();
        threads.awaitAll();
        assertThat(replayed).as("the replay went on once its request was answered").containsExactly(RECEIPT);
        assertThat(log.messages()).isEmpty();
    }

    @Test
    void aReplayRefusedWithinTheWaitIsTheRequestsRefusalAndNotLogged() {
        ReplayRefused refused = new ReplayRefused(ReplayRefused.Reason.NOT_ACCEPTED, "batch 7 is REPLACED");

        assertThatThrownBy(() -> new ReplayInBackground(threads, LONG_ENOUGH).start(7, "calls.csv", () -> {
            throw refused;
        }, replayed::add)).isSameAs(refused);
        assertThat(replayed).isEmpty();
        assertThat(log.messages()).isEmpty();
    }

    @Test
    void aFailureWithinTheWaitIsThrownAsItWasSoThatAnOutageIsAnsweredAsOne() {
        IllegalStateException outage = new IllegalStateException("the database is gone");

        assertThatThrownBy(() -> new ReplayInBackground(threads, LONG_ENOUGH).start(7, "calls.csv", () -> {
            throw outage;
        }, replayed::add)).isSameAs(outage);
        assertThat(log.messages()).isEmpty();
    }

    @Test
    void aReplayThatFailsAfterItsRequestWasAnsweredSaysSoInOneLineWithoutATrace() throws Exception {
        ReplayInBackground.Answer answer = new ReplayInBackground(threads, Duration.ZERO).start(7, "calls.csv",
                () -> {
                    awaitTurn();
                    throw new IllegalStateException("the database is gone");
                }, replayed::add);

        assertThat(answer.done()).isFalse();
        turn.countDown();
        threads.awaitAll();

        assertThat(log.messages(Level.WARNING)).containsExactly("Replay of batch 7 ('calls.csv') failed after its"
                + " request was answered: java.lang.IllegalStateException: the database is gone");
        assertThat(log.messagesWithTraces()).isEmpty();
        assertThat(replayed).isEmpty();
    }

    @Test
    void aNegativeWaitIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ReplayInBackground(threads, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rapport.intake.replay-answer-seconds");
    }

    /** Waits, as a replay waits its turn behind the files being stored, until the test lets it go on. */
    private void awaitTurn() {
        try {
            assertThat(turn.await(30, TimeUnit.SECONDS)).as("the test let the replay go on").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Plain threads, kept so that a test waits for the replays it started. */
    private static final class Threads implements ThreadFactory {

        private final List<Thread> made = new CopyOnWriteArrayList<>();

        @Override
        public Thread newThread(Runnable work) {
            Thread thread = new Thread(work, "replay");
            thread.setDaemon(true);
            made.add(thread);
            return thread;
        }

        void awaitAll() throws InterruptedException {
            for (Thread thread : made) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
                assertThat(thread.isAlive()).as("a replay thread still running").isFalse();
            }
        }
    }
}
