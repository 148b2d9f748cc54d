package org.rapport.engine.intake;

import java.util.function.Function;

import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The intake's transactions in the server: each call is a JTA transaction of its own, so a rejected
 * file's rows can be rolled back and its rejection still be recorded. The work is passed by reference:
 * the view is local. The no-interface view is the one injected: implementing the runner interface alone
 * would make that interface the bean's only view.
 */
@Stateless
@LocalBean
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IntakeTransaction implements TransactionRunner {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    @Override
    public <T> T inNewTransaction(Function<EntityManager, T> work) {
        return work.apply(entityManager);
    }
}
