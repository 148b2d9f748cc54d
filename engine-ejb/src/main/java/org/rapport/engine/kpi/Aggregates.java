package org.rapport.engine.kpi;

/** Reading JPA aggregate results, which are null over no rows and vary in numeric type by database. */
final class Aggregates {

    private Aggregates() {
    }

    static long asLong(Object value) {
        return value == null ? 0L : ((Number) value).longValue();
    }

    static Double asDouble(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
