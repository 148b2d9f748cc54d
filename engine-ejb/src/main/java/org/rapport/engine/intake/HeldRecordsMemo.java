package org.rapport.engine.intake;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * {@link HeldRecords} counted once per state of the ledger: what the store holds, and which of it matches
 * a customer, changes when a delivery is stored, replaced or discarded, so the counts (one pass over every record
 * table, seconds at millions of rows) are reused until the ledger says otherwise. Never stale: the ledger's
 * state is read each time, and it is a few rows.
 */
@ApplicationScoped
public class HeldRecordsMemo {

    private final AtomicReference<Counted> last = new AtomicReference<>();

    /** Per source and kind: {records held, of them unmatched now}, counted again only if the ledger moved. */
    Map<IntakeCatalog.SourceKey, long[]> bySource(EntityManager entityManager) {
        LedgerState now = LedgerState.of(entityManager);
        Counted counted = last.get();
        if (counted != null && counted.state().equals(now)) {
            return counted.held();
        }
        Map<IntakeCatalog.SourceKey, long[]> held = Map.copyOf(new HeldRecords(entityManager).bySource());
        last.set(new Counted(now, held));
        return held;
    }

    /**
     * The counts last made, without asking whether the ledger moved since; counted now only when none were made yet.
     * For monitoring while the store is busy (a file being stored, a run working): a recount reads every record
     * table, seconds of a core at a million calls, which that work would wait for.
     */
    Map<IntakeCatalog.SourceKey, long[]> lastCounted(EntityManager entityManager) {
        Counted counted = last.get();
        return counted != null ? counted.held() : bySource(entityManager);
    }

    private record Counted(LedgerState state, Map<IntakeCatalog.SourceKey, long[]> held) {
    }

    /**
     * What changes whenever a delivery is stored, replaced or discarded. A file written a chunk at a time is accepted
     * at its end in the batch it opened, which changes no other figure here; its chunks are not followed one by one,
     * since a recount while a large file is written competes with its writing (the intake metrics ask every 30 s).
     */
    private record LedgerState(long batches, long newestBatch, long withdrawnWhole, long accepted) {

        static LedgerState of(EntityManager entityManager) {
            Object[] row = entityManager.createQuery("""
                    select count(b), coalesce(max(b.id), 0),
                           sum(case when b.status in (:replaced, :discarded) then 1 else 0 end),
                           sum(case when b.status = :accepted then 1 else 0 end)
                    from SourceBatch b""", Object[].class)
                    .setParameter("replaced", BatchStatus.REPLACED)
                    .setParameter("discarded", BatchStatus.DISCARDED)
                    .setParameter("accepted", BatchStatus.ACCEPTED)
                    .getSingleResult();
            return new LedgerState(number(row[0]), number(row[1]), number(row[2]), number(row[3]));
        }

        private static long number(Object value) {
            return value == null ? 0 : ((Number) value).longValue();
        }
    }
}
