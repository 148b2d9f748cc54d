package org.rapport.web.api;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Logger;

import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.integration.filedrop.IntakeReplay;
import org.rapport.integration.filedrop.ReplayRefused;

/**
 * Runs a batch's replay on a thread of its own and answers the request that asked for it with its receipt when it is
 * done within a short wait; otherwise the request is answered that the replay is under way, and the replay goes on.
 * A replay waits its turn while other files are stored (a month's bank file takes minutes) and a large one takes
 * minutes itself: a request held that long is cut by a proxy or given up by its user, who asks again. What becomes of
 * a replay no request waits for any more is in the ledger (its batch being written, then the old one replaced) and,
 * if it fails, in one log line.
 */
final class ReplayInBackground {

    private static final Logger LOG = Logger.getLogger(ReplayInBackground.class.getName());

    private final ThreadFactory threads;
    private final Duration answerWithin;

    /**
     * @param threads      makes the replay's thread: in the server the container's managed thread factory, so that it
     *                     runs with the application's context
     * @param answerWithin how long the request waits for the replay before it is answered that it is under way
     */
    ReplayInBackground(ThreadFactory threads, Duration answerWithin) {
        if (answerWithin.isNegative()) {
            throw new IllegalArgumentException("rapport.intake.replay-answer-seconds is " + answerWithin.toSeconds()
                    + ": a request cannot wait less than no time");
        }
        this.threads = threads;
        this.answerWithin = answerWithin;
    }

    /**
     * Starts {@code replay} and waits for it at most the configured time.
     *
     * @param batchId  the batch replayed, and {@code fileName} its file: for the log
     * @param replayed told of the receipt once the replay is done, whether or not a request still waits for it
     * @return the receipt when the replay was done in time, or empty when it is still under way
     * @throws ReplayRefused when the replay was refused in time (the batch replayed or replaced meanwhile)
     */
    Answer start(long batchId, String fileName, Replay replay, Consumer<IntakeReceipt> replayed)
            throws ReplayRefused {
        // who tells of the replay's end, set once: the request, if the replay ends while it waits; else the log
        AtomicReference<Side> told = new AtomicReference<>();
        FutureTask<IntakeReceipt> running = new FutureTask<>(() -> {
            IntakeReceipt receipt = replay.run();
            replayed.accept(receipt);
            return receipt;
        }) {
            @Override
            protected void done() {
                if (!told.compareAndSet(null, Side.REQUEST)) {
                    logFailure(this, batchId, fileName);
                }
            }
        };
        threads.newThread(running).start();
        try {
            running.get(answerWithin.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException ended) {
            // under way, or ended (with a failure, read below)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!running.isDone() && told.compareAndSet(null, Side.LOG)) {
            return new Answer(null);
        }
        // ended while the request waited, or between the wait and now: its end is the request's
        return new Answer(outcome(running));
    }

    /** What a replay that has ended came to: its receipt, or its failure thrown as it was. */
    private static IntakeReceipt outcome(FutureTask<IntakeReceipt> ended) throws ReplayRefused {
        try {
            return ended.get();
        } catch (InterruptedException e) {
            // an ended task does not wait
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted reading a replay that had ended", e);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof ReplayRefused refused) {
                throw refused;
            }
            if (cause instanceof RuntimeException runtime) {
                // as it was thrown: an outage is still answered as one
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("The replay failed", cause);
        }
    }

    /** One line, not a trace: the ledger shows what a replay no request waits for left (its batch being written). */
    private static void logFailure(FutureTask<IntakeReceipt> ended, long batchId, String fileName) {
        try {
            ended.get();
        } catch (ExecutionException failed) {
            LOG.warning(() -> "Replay of batch " + batchId + " ('" + fileName
                    + "') failed after its request was answered: " + failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A replay checked and ready ({@link IntakeReplay.Prepared#run}). */
    @FunctionalInterface
    interface Replay {

        IntakeReceipt run() throws ReplayRefused;
    }

    private enum Side {
        REQUEST,
        LOG
    }

    /** The replay's receipt, or null while it is under way. */
    record Answer(IntakeReceipt receipt) {

        boolean done() {
            return receipt != null;
        }
    }
}
