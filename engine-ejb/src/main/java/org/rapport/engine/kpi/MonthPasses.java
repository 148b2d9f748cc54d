package org.rapport.engine.kpi;

import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

/**
 * The month's rows read once per kind of record and shared by every family that measures from them, so a
 * month's calls are read by one pass rather than by each KPI. Kept for one measuring of the month: the
 * store changes between runs. Not thread-safe.
 */
final class MonthPasses {

    private final EntityManager entityManager;
    private final Map<ReportingMonth, CallMonth> calls = new HashMap<>();

    MonthPasses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    CallMonth calls(ReportingMonth month) {
        return calls.computeIfAbsent(month, key -> CallMonth.of(entityManager, key));
    }

    /** Forgets what was read: the next measuring reads the store again. */
    void forget() {
        calls.clear();
    }
}
