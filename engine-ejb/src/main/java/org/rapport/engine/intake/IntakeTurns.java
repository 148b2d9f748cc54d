package org.rapport.engine.intake;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.intake.DeliveryInProgress.Phase;
import org.rapport.engine.outage.WorkInterrupted;

/**
 * Lets delivered files into the store a few at a time — {@code rapport.intake.files-at-once}, by default one for every
 * two cores — in the order they asked. A file's intake already keeps two cores busy (its reading thread and the database taking
 * its rows in; then its parts merged side by side): on the two-core machine the bank's 800,000 calls went in at
 * 65,000 rows a second beside the month's other files and at 106,000 alone, and the month's files were all stored
 * no later one after the other than side by side (bench/README.md). Waiting its turn, a file counts as being
 * stored: a run does not read its month meanwhile.
 */
@ApplicationScoped
public class IntakeTurns {

    private final Semaphore turns;

    /** For the container's proxy only. */
    protected IntakeTurns() {
        this.turns = null;
    }

    /** As many files at once as configured, or one for every two cores the JVM sees (one on two cores). */
    @Inject
    public IntakeTurns(@ConfigProperty(name = "rapport.intake.files-at-once") Optional<Integer> filesAtOnce) {
        this(filesAtOnce.orElseGet(() -> forCores(Runtime.getRuntime().availableProcessors())));
    }

    public IntakeTurns(int filesAtOnce) {
        if (filesAtOnce < 1) {
            throw new IllegalArgumentException("rapport.intake.files-at-once is " + filesAtOnce
                    + ": at least one file must be let in at a time");
        }
        this.turns = new Semaphore(filesAtOnce, true);
    }

    /** Files at once when none is configured: a file's intake keeps two cores busy. */
    static int forCores(int cores) {
        return Math.max(1, cores / 2);
    }

    /**
     * Waits for a turn; closing it lets the next file in.
     *
     * @throws WorkInterrupted when the waiting thread is interrupted (the server stopping): nothing of the file was
     *                         read, it stays to be taken again
     */
    public Turn take(String fileName) {
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkInterrupted("File '" + fileName + "' was not taken in: the intake stopped while it waited"
                    + " its turn", e);
        }
        return new Turn(turns);
    }

    /**
     * Stores {@code delivery} in its turn, telling {@code progress} where it is: waiting, then storing. It is
     * storing before it stops waiting, so whoever watches never sees it in neither phase (a run would start reading
     * its month in between).
     *
     * @throws WorkInterrupted as {@link #take} does; {@code store} then never ran
     */
    public <T> T store(Delivery delivery, Consumer<DeliveryInProgress> progress, Supplier<T> store) {
        progress.accept(phase(delivery, Phase.WAITING, false));
        Turn turn;
        try {
            turn = take(delivery.fileName());
        } catch (RuntimeException stopped) {
            progress.accept(phase(delivery, Phase.WAITING, true));
            throw stopped;
        }
        try (turn) {
            progress.accept(phase(delivery, Phase.STORING, false));
            progress.accept(phase(delivery, Phase.WAITING, true));
            return store.get();
        } finally {
            progress.accept(phase(delivery, Phase.STORING, true));
        }
    }

    private static DeliveryInProgress phase(Delivery delivery, Phase phase, boolean finished) {
        return new DeliveryInProgress(delivery.source(), delivery.kind(), delivery.fileName(), phase, finished);
    }

    /** Turns free now. */
    public int free() {
        return turns.availablePermits();
    }

    /** Files waiting for a turn now (an estimate, as the JDK's semaphore gives it). */
    public int waiting() {
        return turns.getQueueLength();
    }

    /** A file's turn at the store, given back once. */
    public static final class Turn implements AutoCloseable {

        private Semaphore turns;

        private Turn(Semaphore turns) {
            this.turns = turns;
        }

        @Override
        public void close() {
            if (turns != null) {
                turns.release();
                turns = null;
            }
        }
    }
}
