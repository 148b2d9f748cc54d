package org.rapport.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients reading the API in a loop, one per path, while a test breaks what the server stands on. Every answer
 * is kept with when it was asked and when it came, so the test can say afterwards which answers failed and
 * whether any failed outside the outage.
 */
final class ConcurrentReaders implements AutoCloseable {

    /** Between two requests of one reader: the pace of the load, not a wait for anything. */
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /**
     * One answer: {@code status} -1 when no HTTP answer came (the exception's type is the body).
     *
     * @param sentAt     {@link System#nanoTime()} when the request was sent
     * @param receivedAt {@link System#nanoTime()} when the answer was read
     */
    record Answer(String path, long sentAt, long receivedAt, int status, String body, String retryAfter) {

        boolean ok() {
            return status == 200;
        }
    }

    private final ApiClient api;
    private final List<String> paths;
    private final ExecutorService threads;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile boolean reading = true;

    private ConcurrentReaders(ApiClient api, List<String> paths) {
        this.api = api;
        this.paths = List.copyOf(paths);
        this.threads = Executors.newFixedThreadPool(paths.size());
    }

    static ConcurrentReaders start(ApiClient api, List<String> paths) {
        ConcurrentReaders readers = new ConcurrentReaders(api, paths);
        paths.forEach(path -> readers.threads.submit(() -> readers.read(path)));
        return readers;
    }

    private void read(String path) {
        while (reading) {
            long sentAt = System.nanoTime();
            try {
                HttpResponse<String> answer = api.get(path);
                answers.add(new Answer(path, sentAt, System.nanoTime(), answer.statusCode(),
                        answer.statusCode() == 200 ? "" : answer.body(),
                        answer.headers().firstValue("Retry-After").orElse(null)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                answers.add(new Answer(path, sentAt, System.nanoTime(), -1, e.getClass().getName(), null));
            }
            LockSupport.parkNanos(PACE_NANOS);
        }
    }

    /** Every answer so far. */
    List<Answer> answers() {
        return new ArrayList<>(answers);
    }

    /** Whether each path's latest answer is a 200 to a request sent after {@code since} (a nanoTime). */
    boolean allAnsweredSince(long since) {
        List<Answer> all = answers();
        return paths.stream().allMatch(path -> all.stream().filter(answer -> answer.path().equals(path))
                .reduce((first, second) -> second)
                .filter(latest -> latest.ok() && latest.sentAt() >= since).isPresent());
    }

    /** How many requests sent after {@code since} (a nanoTime) were not answered 200. */
    long failedSince(long since) {
        return answers.stream().filter(answer -> answer.sentAt() >= since && !answer.ok()).count();
    }

    @Override
    public void close() throws InterruptedException {
        reading = false;
        threads.shutdown();
        if (!threads.awaitTermination(90, TimeUnit.SECONDS)) {
            threads.shutdownNow();
        }
    }
}
