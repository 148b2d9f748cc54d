package org.rapport.engine.intake;

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
 * Merges a file's parts a few at a time, each on a thread of its own (in the server, the container's managed
 * threads). Once a part fails no other part is begun; the parts begun are waited for, and the first failure is
 * thrown. One per file.
 */
final class PartsSideBySide {

    private final ThreadFactory threads;
    private final int sideBySide;

    PartsSideBySide(ThreadFactory threads, int sideBySide) {
        this.threads = threads;
        this.sideBySide = sideBySide;
    }

    /**
     * Calls {@code merge} for each part, then {@code afterEach} with how many parts are merged so far.
     *
     * @throws RuntimeException or Error, the first a part failed with
     */
    <P> void run(List<P> parts, Consumer<P> merge, IntConsumer afterEach) {
        AtomicInteger merged = new AtomicInteger();
        if (sideBySide == 1 || parts.size() <= 1) {
            for (P part : parts) {
                merge.accept(part);
                afterEach.accept(merged.incrementAndGet());
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
                        merge.accept(part);
                        afterEach.accept(merged.incrementAndGet());
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
                throw new IllegalStateException("A part could not be merged", first);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parts were merged", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
