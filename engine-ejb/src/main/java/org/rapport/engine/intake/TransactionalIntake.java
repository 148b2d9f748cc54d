package org.rapport.engine.intake;

import java.time.Clock;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.rapport.engine.customer.IdentifierKey;

/**
 * The intake itself, wherever it runs: each delivery is stored in a transaction of its own around
 * {@link BatchStore}. A file refused partway is rolled back whole and its rejection recorded in a
 * second transaction. In the server {@link IntakeService} runs it on JTA; tests, benchmarks and tools
 * run it on a resource-local transaction. Thread-safe when its runner is.
 */
public final class TransactionalIntake implements Intake {

    private final TransactionRunner transactions;
    private final Clock clock;
    private final IdentifierKey identifierKey;

    /** An intake that keeps no account or telephone numbers (see {@link BatchStore#BatchStore(EntityManager, Clock)}). */
    public TransactionalIntake(TransactionRunner transactions, Clock clock) {
        this(transactions, clock, null);
    }

    /** @param identifierKey the key account and telephone numbers are kept hashed under */
    public TransactionalIntake(TransactionRunner transactions, Clock clock, IdentifierKey identifierKey) {
        this.transactions = transactions;
        this.clock = clock;
        this.identifierKey = identifierKey;
    }

    @Override
    public IntakeReceipt store(IntakeBatch batch) {
        return transactions.inNewTransaction(entityManager -> store(entityManager).store(batch));
    }

    @Override
    public IntakeReceipt store(Delivery delivery) {
        try {
            return transactions.inNewTransaction(entityManager -> store(entityManager).store(delivery));
        } catch (DeliveryRejected rejected) {
            return recordRejection(delivery, rejected);
        }
    }

    @Override
    public IntakeReceipt replay(long batchId, Delivery delivery) {
        try {
            return transactions.inNewTransaction(entityManager -> store(entityManager)
                    .replay(batchId, delivery));
        } catch (DeliveryRejected rejected) {
            return recordRejection(delivery, rejected);
        }
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
