package org.rapport.engine.kpi;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

/**
 * The month's rows read once per kind of record and shared by every family that measures from them, so a
 * month's calls are read by one pass rather than by each KPI. Kept for one measuring of the month: the
 * store changes between runs. Not thread-safe.
 */
final class MonthPasses {

    private EntityManager entityManager;
    private final Map<ReportingMonth, CallMonth> calls = new HashMap<>();
    private final Map<ReportingMonth, SliceTotals> responses = new HashMap<>();
    private final Map<ReportingMonth, SliceTotals> customers = new HashMap<>();

    MonthPasses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    EntityManager entityManager() {
        return entityManager;
    }

    /** Reads what is still to read with {@code current}: a reading made ahead outlives its transactions. */
    MonthPasses using(EntityManager current) {
        this.entityManager = current;
        return this;
    }

    /** Reads the customers the month's calls are sliced by: the first of the calls' parts. */
    void readCallers(ReportingMonth month) {
        calls.computeIfAbsent(month, CallMonth::new).readCallers(entityManager);
    }

    /** Reads into the month's calls the ones started in [from, to): the measuring step reads them in parts. */
    void readCalls(ReportingMonth month, LocalDateTime from, LocalDateTime to) {
        calls.computeIfAbsent(month, CallMonth::new).read(entityManager, from, to);
    }

    /** Reads the known callers' calls in [from, to) after the month, which can make a month's call a repeat. */
    void readFollowers(ReportingMonth month, LocalDateTime from, LocalDateTime to) {
        calls.computeIfAbsent(month, CallMonth::new).readFollowers(entityManager, from, to);
    }

    CallMonth calls(ReportingMonth month) {
        return calls.computeIfAbsent(month, key -> CallMonth.of(entityManager, key));
    }

    /** The month's answers as {@code reader} counts them in one pass. */
    SliceTotals responses(ReportingMonth month, Function<ReportingMonth, SliceTotals> reader) {
        return responses.computeIfAbsent(month, reader);
    }

    /** The customer base counted for the month in one pass ({@link CustomerMonth}). */
    SliceTotals customers(ReportingMonth month) {
        return customers.computeIfAbsent(month, key -> CustomerMonth.of(entityManager, key));
    }
}
