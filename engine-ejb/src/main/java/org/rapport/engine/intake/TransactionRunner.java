package org.rapport.engine.intake;

import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * Runs work in a transaction of its own: committed when the work returns, rolled back when it throws
 * (the exception then reaches the caller as thrown). In the server a JTA transaction
 * ({@link IntakeTransaction}); outside it, a resource-local one.
 */
public interface TransactionRunner {

    <T> T inNewTransaction(Function<EntityManager, T> work);
}
