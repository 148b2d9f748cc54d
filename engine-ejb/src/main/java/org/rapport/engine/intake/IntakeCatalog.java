package org.rapport.engine.intake;

import java.util.List;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Read access to the ledger and the quarantine, for the integration team. */
@Stateless
public class IntakeCatalog {

    @PersistenceContext(unitName = "rapport")
    private EntityManager entityManager;

    /** Newest first, at most {@code limit}. */
    public List<BatchEntry> batches(int limit) {
        return entityManager.createQuery("""
                select new org.rapport.engine.intake.BatchEntry(b.id, cast(b.kind as String), b.source, b.name,
                       b.checksum, b.receivedAt, cast(b.status as String), b.rowsAccepted, b.rowsQuarantined,
                       b.duplicateOf, b.message)
                from SourceBatch b order by b.id desc""", BatchEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Newest batches first, then file order, at most {@code limit}. */
    public List<QuarantineEntry> quarantine(int limit) {
        return entityManager.createQuery("""
                select new org.rapport.engine.intake.QuarantineEntry(q.id, b.id, cast(b.kind as String), b.name,
                       b.receivedAt, q.line, q.field, q.reason, q.rawText)
                from QuarantinedRecord q join q.batch b
                order by b.id desc, q.line, q.id""", QuarantineEntry.class)
                .setMaxResults(limit)
                .getResultList();
    }
}
