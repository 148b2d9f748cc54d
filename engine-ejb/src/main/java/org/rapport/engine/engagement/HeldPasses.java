package org.rapport.engine.engagement;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What scoring passes grouped of one kind of record, held in this process's memory by pass name: made when a pass
 * starts, or grouped ahead of it ({@link #makeAhead}) and taken by the first to ask. A pass lives while one scoring
 * step runs in this process, which starts again from its first page after a restart and so groups afresh.
 * Thread-safe.
 *
 * @param <T> what one pass holds
 */
final class HeldPasses<T> {

    /** The passes made and not dropped yet, by name. */
    private final Map<String, T> made = new ConcurrentHashMap<>();

    /** The passes grouped ahead of their use, being grouped or grouped, and not taken yet. */
    private final Map<String, CompletableFuture<T>> ahead = new ConcurrentHashMap<>();

    /** Makes pass {@code pass} afresh by {@code grouping}, replacing what it held. */
    T make(String pass, Supplier<T> grouping) {
        drop(pass);
        T grouped = grouping.get();
        made.put(pass, grouped);
        return grouped;
    }

    /**
     * Groups pass {@code pass} on the caller's thread for {@link #makeOrTakeAhead} to take: one use, and only by the
     * first to ask. A failure is thrown, and leaves the pass to be made when it is asked for.
     */
    void makeAhead(String pass, Supplier<T> grouping) {
        CompletableFuture<T> making = new CompletableFuture<>();
        ahead.put(pass, making);
        try {
            making.complete(grouping.get());
        } catch (RuntimeException | Error failure) {
            making.completeExceptionally(failure);
            throw failure;
        }
    }

    /**
     * As {@link #make}, unless the pass was grouped ahead: then waits for that grouping to end and holds what it
     * grouped, or, if it failed, makes the pass afresh.
     */
    T makeOrTakeAhead(String pass, Supplier<T> grouping) {
        CompletableFuture<T> groupedAhead = ahead.remove(pass);
        if (groupedAhead != null) {
            try {
                T grouped = groupedAhead.join();
                made.put(pass, grouped);
                return grouped;
            } catch (CompletionException | CancellationException failed) {
                // its failure was logged where it was grouped; grouped again here
            }
        }
        return make(pass, grouping);
    }

    /**
     * What pass {@code pass} holds.
     *
     * @param what what the passes hold, for the refusal: "calls"
     * @throws IllegalStateException when this process holds no such pass: it was not made, or was dropped
     */
    T held(String pass, String what) {
        T grouped = made.get(pass);
        if (grouped == null) {
            throw new IllegalStateException("The " + what + " of pass " + pass + " are not grouped in this process");
        }
        return grouped;
    }

    void drop(String pass) {
        made.remove(pass);
        ahead.remove(pass);
    }

    /** How many passes are held, made or grouped ahead. */
    int size() {
        return made.size() + ahead.size();
    }

    boolean groupedAhead(String pass) {
        return ahead.containsKey(pass);
    }

    boolean holds(String pass) {
        return made.containsKey(pass);
    }
}
