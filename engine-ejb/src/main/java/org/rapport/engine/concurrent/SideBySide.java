package org.rapport.engine.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Does a few parts of one piece of work at a time, each on a thread of its own (in the server, the container's managed
 * threads): the parts of a staged file merged, the ranges of customers a run scores. Once a part fails no other part
 * is begun; the parts begun are waited for, and the first failure is thrown as it was, so that an outage is still
 * recognised as one. One per piece of work.
 */
public final class SideBySide {

    private final ThreadFactory threads;
    private final int sideBySide;

    /** @param sideBySide how many parts at most are done at once; 1 does them one after the other on the caller's thread */
    public SideBySide(ThreadFactory threads, int sideBySide) {
        if (sideBySide < 1) {
            throw new IllegalArgumentException("At least one part at a time, not " + sideBySide);
        }
        this.threads = threads;
        this.sideBySide = sideBySide;
    }

    /**
     * Calls {@code work} for each part, then {@code afterEach} with how many parts are done so far.
     *
     * @throws RuntimeException or Error, the first a part failed with
     */
    public <P> void run(List<P> parts, Consumer<P> work, IntConsumer afterEach) {
        AtomicInteger done = new AtomicInteger();
        if (sideBySide == 1 || parts.size() <= 1) {
            for (P part : parts) {
                work.accept(part);
                afterEach.accept(done.incrementAndGet());
            }
            return;
        }
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(sideBySide, parts.size()), threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (P part : parts) {
                running.add(pool.submit(() -> {
                    if (failed.get()) {
                        return;
                    }
                    try {
                        work.accept(part);
                        afterEach.accept(done.incrementAndGet());
                    } catch (RuntimeException | Error failure) {
                        failed.set(true);
                        throw failure;
                    }
                }));
            }
            Throwable first = null;
            for (Future<?> part : running) {
                try {
                    part.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause();
                    }
                }
            }
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (first instanceof Error error) {
                throw error;
            }
            if (first != null) {
                throw new IllegalStateException("A part could not be done", first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parts were done", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
