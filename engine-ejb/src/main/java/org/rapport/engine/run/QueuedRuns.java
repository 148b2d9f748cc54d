package org.rapport.engine.run;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;
import java.util.SortedSet;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** {@link IntakeRunQueue} in transactions of its own, for {@link AutoRun}, which runs outside one. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class QueuedRuns {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    public SortedSet<YearMonth> planNewDeliveries(Optional<YearMonth> fixedMonth) {
        return queue().planNewDeliveries(fixedMonth);
    }

    public Optional<YearMonth> next() {
        return queue().next();
    }

    public void remove(YearMonth month) {
        queue().remove(month);
    }

    public boolean hasWork() {
        return queue().hasWork();
    }

    private IntakeRunQueue queue() {
        return new IntakeRunQueue(entityManager, Clock.systemUTC());
    }
}
