package org.rapport.engine.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * The records the store holds now, per source, and how many contact records match no customer the store
 * knows now: counted when asked, against today's customers, so the order files arrived in does not matter
 * (the measures join on the customer reference when a month is measured, likewise). One grouped pass over
 * each record table. Works in the caller's transaction.
 */
final class HeldRecords {

    private static final Map<SourceKind, String> CONTACT_TABLES = Map.of(
            SourceKind.CALLS, RecordTable.CALLS.table(),
            SourceKind.SURVEY_RESPONSES, RecordTable.SURVEY_RESPONSES.table(),
            SourceKind.PURCHASES, RecordTable.PURCHASES.table(),
            SourceKind.SERVICE_CASES, RecordTable.SERVICE_CASES.table());

    private final EntityManager entityManager;

    HeldRecords(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Per source and kind: {records held, of them unmatched now}. */
    Map<IntakeCatalog.SourceKey, long[]> bySource() {
        Map<IntakeCatalog.SourceKey, long[]> held = new HashMap<>();
        CONTACT_TABLES.forEach((kind, table) -> {
            // a blank customer finds no customer either: the left join leaves both cases without one
            List<?> rows = entityManager.createNativeQuery("select r.source, count(*),"
                    + " sum(case when k.id is null then 1 else 0 end)"
                    + " from " + table + " r left join customer k on k.external_id = r.customer_ref"
                    + " group by r.source").getResultList();
            rows.forEach(row -> put(held, kind, (Object[]) row));
        });
        List<?> customers = entityManager.createNativeQuery("select b.source, count(*), 0 from customer c"
                + " join source_batch b on b.id = c.batch_id group by b.source").getResultList();
        customers.forEach(row -> put(held, SourceKind.CUSTOMERS, (Object[]) row));
        return held;
    }

    private static void put(Map<IntakeCatalog.SourceKey, long[]> held, SourceKind kind, Object[] row) {
        held.put(new IntakeCatalog.SourceKey((String) row[0], kind),
                new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()});
    }
}
