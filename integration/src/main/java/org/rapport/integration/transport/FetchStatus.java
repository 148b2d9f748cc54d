package org.rapport.integration.transport;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * How fetching one source is going, for health checks and the integration team. Thread-safe: the
 * route's thread updates it while any other thread reads {@link #snapshot()}.
 */
public final class FetchStatus {

    private final AtomicReference<Snapshot> current;

    public FetchStatus(String source) {
        current = new AtomicReference<>(new Snapshot(source, null, null, null, 0, 0, 0, null));
    }

    /** The status as it is now; immutable. */
    public Snapshot snapshot() {
        return current.get();
    }

    void attempted(Instant at) {
        update(now -> new Snapshot(now.source(), at, now.lastSuccess(), now.lastFailure(), now.filesLanded(),
                now.rowsLanded(), now.consecutiveFailures(), now.lastError()));
    }

    void succeeded(Instant at, long files, long rows) {
        update(now -> new Snapshot(now.source(), now.lastAttempt(), at, now.lastFailure(), now.filesLanded() + files,
                now.rowsLanded() + rows, 0, now.lastError()));
    }

    /** A fetch given up; {@code files} and {@code rows} it landed before the fault still count. */
    void failed(Instant at, long files, long rows, String error) {
        update(now -> new Snapshot(now.source(), now.lastAttempt(), now.lastSuccess(), at, now.filesLanded() + files,
                now.rowsLanded() + rows, now.consecutiveFailures() + 1, error));
    }

    private void update(UnaryOperator<Snapshot> change) {
        current.updateAndGet(change);
    }

    /**
     * One moment of a source's fetching.
     *
     * @param lastAttempt         when the last fetch started, or null before the first
     * @param lastSuccess         when a fetch last completed
     * @param lastFailure         when a fetch was last given up
     * @param filesLanded         files landed since the server started
     * @param rowsLanded          records in them, where the transport counts them (HTTP items, JDBC rows)
     * @param consecutiveFailures fetches given up since the last success
     * @param lastError           why the last fetch given up failed; kept after a success, for the record
     */
    public record Snapshot(String source, Instant lastAttempt, Instant lastSuccess, Instant lastFailure,
            long filesLanded, long rowsLanded, int consecutiveFailures, String lastError) {

        /** Whether the last fetch, if any, succeeded. */
        public boolean healthy() {
            return consecutiveFailures == 0;
        }
    }
}
