package org.rapport.engine.intake;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;

import jakarta.persistence.EntityManager;

import org.rapport.engine.customer.IdentifierKey;

/**
 * The intake itself, wherever it runs. On PostgreSQL a delivery of contact records (calls, survey responses,
 * purchases, service cases) is staged a chunk per transaction and then made its batch a part per
 * transaction ({@link StagedIntake}); customers, and every delivery on H2, are read and checked whole and then
 * written a chunk per transaction ({@link ChunkedIntake}), and so is a replay of a kept file: no transaction lasts as
 * long as a large file. A file refused partway leaves nothing of itself, and its rejection is recorded in a
 * transaction of its own. In the server {@link IntakeService} runs it on JTA; tests, benchmarks and tools run it on resource-local
 * transactions.
 * Thread-safe when its runner is.
 */
public final class TransactionalIntake implements Intake {

    private final TransactionRunner transactions;
    private final Clock clock;
    private final IdentifierKey identifierKey;
    private final StagedIntake staged;
    private final ChunkedIntake chunked;

    /** An intake that keeps no account or telephone numbers (see {@link BatchStore#BatchStore(EntityManager, Clock)}). */
    public TransactionalIntake(TransactionRunner transactions, Clock clock) {
        this(transactions, clock, null);
    }

    /** @param identifierKey the key account and telephone numbers are kept hashed under */
    public TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey) {
        this(transactions, clock, identifierKey, ReadAhead.plainThreads());
    }

    /**
     * @param identifierKey the key account and telephone numbers are kept hashed under
     * @param readers       makes the threads that read a staged file ahead of its staging (in the server, the
     *                      container's managed thread factory)
     */
    public TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey,
            ThreadFactory readers) {
        this(transactions, clock, identifierKey, readers, ChunkedIntake.COMMIT_EVERY);
    }

    /**
     * @param identifierKey the key account and telephone numbers are kept hashed under
     * @param readers       makes the threads that read a file ahead of its storing
     * @param rowsPerCommit the rows of a file that is not staged written in one transaction
     *                      ({@code rapport.intake.rows-per-commit})
     * @throws IllegalArgumentException when {@code rowsPerCommit} is not positive
     */
    public TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey,
            ThreadFactory readers, int rowsPerCommit) {
        this(transactions, clock, identifierKey, readers, rowsPerCommit, new CompanyCustomers());
    }

    /**
     * @param company the company's customers as this process keeps them between files (in the server, the
     *                application's {@link CompanyCustomers})
     */
    public TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey,
            ThreadFactory readers, int rowsPerCommit, CompanyCustomers company) {
        this(transactions, clock, identifierKey, StagedIntake.THIS_PROCESS, StagingSink.ChunkHook.NONE,
                MergeParts.DEFAULT, rowsPerCommit, readers, company);
    }

    /**
     * An intake that stages as {@code owner} and tells {@code chunkHook} of each chunk committed: a test plays
     * a process that stops mid-file and one started after it.
     */
    TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey, String owner,
            StagingSink.ChunkHook chunkHook) {
        this(transactions, clock, identifierKey, owner, chunkHook, MergeParts.DEFAULT, ChunkedIntake.COMMIT_EVERY,
                ReadAhead.plainThreads(), new CompanyCustomers());
    }

    /**
     * An intake that writes a file it does not stage {@code rowsPerCommit} rows a transaction and tells {@code chunkHook}
     * of each chunk committed: a test plays a process that stops mid-file, with files of a few chunks.
     */
    TransactionalIntake(TransactionRunner transactions, Clock clock, int rowsPerCommit,
            StagingSink.ChunkHook chunkHook) {
        this(transactions, clock, null, StagedIntake.THIS_PROCESS, chunkHook, MergeParts.DEFAULT, rowsPerCommit,
                ReadAhead.plainThreads(), new CompanyCustomers());
    }

    /**
     * An intake that stages as {@code owner} and merges a staged file in {@code parts}: a test plays a process that
     * stops between two parts and one started after it.
     */
    TransactionalIntake(TransactionRunner transactions, Clock clock, String owner, MergeParts parts) {
        this(transactions, clock, null, owner, StagingSink.ChunkHook.NONE, parts, ChunkedIntake.COMMIT_EVERY,
                ReadAhead.plainThreads(), new CompanyCustomers());
    }

    private TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey, String owner,
            StagingSink.ChunkHook chunkHook, MergeParts parts, int rowsPerCommit, ThreadFactory readers,
            CompanyCustomers company) {
        this.transactions = transactions;
        this.clock = clock;
        this.identifierKey = identifierKey;
        this.staged = new StagedIntake(transactions, clock, this::store, owner, chunkHook, parts, readers,
                company);
        this.chunked = new ChunkedIntake(transactions, this::store, identifierKey != null, rowsPerCommit, chunkHook,
                readers, company);
    }

    @Override
    public IntakeReceipt store(IntakeBatch batch) {
        if (batch.isRejected()) {
            return transactions.inNewTransaction(entityManager -> store(entityManager).store(batch));
        }
        return store(Delivery.of(batch));
    }

    @Override
    public IntakeReceipt store(Delivery delivery) {
        try {
            if (delivery.kind() == SourceKind.CUSTOMERS || !staged.serves()) {
                return chunked.store(delivery);
            }
            return staged.store(delivery);
        } catch (DeliveryRejected rejected) {
            return recordRejection(delivery, rejected);
        }
    }

    @Override
    public IntakeReceipt replay(long batchId, Delivery delivery) {
        try {
            return chunked.replay(batchId, delivery);
        } catch (DeliveryRejected rejected) {
            return recordRejection(delivery, rejected);
        }
    }

    @Override
    public List<IntakeReceipt> finishHalfStored(Duration untouchedFor) {
        return staged.finishHalfStored(untouchedFor);
    }

    @Override
    public IntakeReceipt discard(long batchId) {
        return transactions.inNewTransaction(entityManager -> new BatchDiscard(entityManager).discard(batchId));
    }

    @Override
    public Optional<BatchEntry> find(long batchId) {
        return transactions.inNewTransaction(entityManager -> Optional
                .ofNullable(entityManager.find(SourceBatch.class, batchId))
                .map(BatchEntry::of));
    }

    private BatchStore store(EntityManager entityManager) {
        return new BatchStore(entityManager, clock, identifierKey);
    }

    private IntakeReceipt recordRejection(Delivery delivery, DeliveryRejected rejected) {
        return transactions.inNewTransaction(entityManager -> store(entityManager)
                .reject(delivery, rejected.reason()));
    }
}
