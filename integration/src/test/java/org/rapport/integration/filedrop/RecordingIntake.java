package org.rapport.integration.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.rapport.engine.intake.BatchEntry;
import org.rapport.engine.intake.BatchStatus;
import org.rapport.engine.intake.CollectedRows;
import org.rapport.engine.intake.Delivery;
import org.rapport.engine.intake.BatchNotDiscardable;
import org.rapport.engine.intake.Intake;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.IntakeReceipt;
import org.rapport.engine.intake.QuarantinedRow;

/**
 * Stands in for the engine's intake at the outside edge of the routes: reads what it is handed (a
 * streamed delivery is collected whole, which is fine for a test's small files), records it and answers
 * as the engine would (rejected files rejected, the rest accepted), or fails when told to. Thread-safe:
 * routes call it from their own threads.
 */
public final class RecordingIntake implements Intake {

    private final List<IntakeBatch> stored = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger batchIds = new AtomicInteger();
    private volatile RuntimeException failure;

    /** From now on every store fails with this, as it does when the database is down. */
    void failWith(RuntimeException fault) {
        this.failure = fault;
    }

    /** From now on every store succeeds again, as when the database is back. */
    void recover() {
        this.failure = null;
    }

    @Override
    public IntakeReceipt store(IntakeBatch batch) {
        attempts.incrementAndGet();
        RuntimeException fault = failure;
        if (fault != null) {
            throw fault;
        }
        stored.add(batch);
        BatchStatus status = batch.isRejected() ? BatchStatus.REJECTED : BatchStatus.ACCEPTED;
        return new IntakeReceipt(batchIds.incrementAndGet(), status, batch.records().size(),
                batch.quarantined().size(), 0, null, List.of(), batch.rejection());
    }

    @Override
    public IntakeReceipt store(Delivery delivery) {
        CollectedRows rows = new CollectedRows();
        QuarantinedRow rejection;
        try {
            rejection = delivery.content().readInto(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return store(rows.toBatch(delivery.kind(), delivery.source(), delivery.fileName(), delivery.checksum(),
                rejection));
    }

    @Override
    public IntakeReceipt replay(long batchId, Delivery delivery) {
        throw new UnsupportedOperationException("replays are tested against the real intake");
    }

    /** Stores nothing in parts, so leaves nothing half stored. */
    @Override
    public List<IntakeReceipt> finishHalfStored(Duration untouchedFor) {
        return List.of();
    }

    /** Stores nothing in parts, so leaves nothing half written to discard. */
    @Override
    public IntakeReceipt discard(long batchId) {
        throw new BatchNotDiscardable(BatchNotDiscardable.Reason.NO_SUCH_BATCH, "There is no batch " + batchId);
    }

    @Override
    public Optional<BatchEntry> find(long batchId) {
        return Optional.empty();
    }

    /** The batches stored, in the order they came. */
    public List<IntakeBatch> stored() {
        return List.copyOf(stored);
    }

    /** How many times {@link #store} was called, failed calls included. */
    int attempts() {
        return attempts.get();
    }
}
