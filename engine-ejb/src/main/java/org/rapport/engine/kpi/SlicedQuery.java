package org.rapport.engine.kpi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One aggregate query over a month's rows, run for the whole company and once per breakdown, each
 * grouped in the database: {@code select key, aggregates ... group by key}. Rows whose key is unknown
 * (no segment, an unknown caller, no channel) are left out of that breakdown and counted overall only.
 * Not thread-safe: one per measure.
 */
public final class SlicedQuery {

    private final EntityManager entityManager;
    private final SliceSource source;
    private final String aggregates;
    private final String where;
    private final Map<String, ?> parameters;
    private String alsoGroupedBy;

    /**
     * @param aggregates the select list after the key, e.g. "count(r), avg(r.effort)"
     * @param where      the condition without "where"; named parameters from {@code parameters}
     */
    public SlicedQuery(EntityManager entityManager, SliceSource source, String aggregates, String where,
            Map<String, ?> parameters) {
        this.entityManager = entityManager;
        this.source = source;
        this.aggregates = aggregates;
        this.where = where;
        this.parameters = Map.copyOf(parameters);
    }

    /**
     * Groups every slice further by {@code expression}, whose value then leads each row's values (cost to
     * serve: contacts by slice and by costing channel).
     */
    public SlicedQuery alsoGroupedBy(String expression) {
        this.alsoGroupedBy = expression;
        return this;
    }

    /** The overall rows first, then each breakdown's slices in key order. */
    public List<Slice> slices(Collection<Breakdown> breakdowns) {
        List<Slice> slices = new ArrayList<>(overall());
        for (Breakdown breakdown : breakdowns) {
            slices.addAll(by(breakdown));
        }
        return slices;
    }

    /** The company-wide row (one per {@link #alsoGroupedBy} value when grouped further). */
    public List<Slice> overall() {
        String also = alsoGroupedBy == null ? "" : alsoGroupedBy + ", ";
        String query = "select " + also + aggregates + " from " + source.from() + " where " + where
                + (alsoGroupedBy == null ? "" : " group by " + alsoGroupedBy);
        List<Slice> slices = new ArrayList<>();
        for (Object row : rows(query)) {
            slices.add(new Slice(Measurement.OVERALL, values(row, 0)));
        }
        return slices;
    }

    /** One row per value of {@code breakdown}'s key (and of {@link #alsoGroupedBy}), in key order. */
    public List<Slice> by(Breakdown breakdown) {
        String key = source.key(breakdown);
        if (key == null) {
            throw new IllegalArgumentException(source.from() + " cannot be broken down by " + breakdown);
        }
        String group = alsoGroupedBy == null ? key : key + ", " + alsoGroupedBy;
        String query = "select " + group + ", " + aggregates + " from " + source.from() + source.join(breakdown)
                + " where (" + where + ") and " + key + " is not null group by " + group + " order by " + group;
        List<Slice> slices = new ArrayList<>();
        for (Object row : rows(query)) {
            Object[] columns = (Object[]) row;
            slices.add(new Slice(breakdown.dimension(columns[0]), values(row, 1)));
        }
        return slices;
    }

    /**
     * The slices {@link #slices} gives, from one query grouped by the slice keys together and rolled up in Java
     * ({@link #totals()}): for aggregates that add up only. One pass over a large month's rows, not one per
     * breakdown.
     */
    public List<Slice> rolledUp(List<Breakdown> breakdowns) {
        return totals().slices(breakdowns, -1);
    }

    /**
     * Every slice from one query: the rows grouped by segment, value band and channel together (as far as the
     * source has them) and rolled up in Java ({@link SliceTotals}). Only for aggregates that add up — counts
     * and sums; a mean is a sum over a count. The customer is joined outer, so rows without one still count
     * overall, as {@link #overall()} counts them.
     */
    SliceTotals totals() {
        if (alsoGroupedBy != null) {
            throw new IllegalStateException("Totals are grouped by the slice keys only");
        }
        String keys = source.key(Breakdown.SEGMENT) + ", " + source.key(Breakdown.VALUE_BAND)
                + (source.channel() == null ? "" : ", " + source.channel());
        int keyCount = source.channel() == null ? 2 : 3;
        String query = "select " + keys + ", " + aggregates + " from " + source.from() + source.outerCustomerJoin()
                + " where " + where + " group by " + keys;
        SliceTotals totals = new SliceTotals(width());
        for (Object row : rows(query)) {
            Object[] columns = (Object[]) row;
            totals.add((String) columns[0], (String) columns[1], keyCount == 3 ? (String) columns[2] : null,
                    values(row, keyCount));
        }
        return totals;
    }

    /** How many aggregates the select list has: its commas outside brackets, plus one. */
    private int width() {
        int depth = 0;
        int width = 1;
        for (char character : aggregates.toCharArray()) {
            if (character == '(') {
                depth++;
            } else if (character == ')') {
                depth--;
            } else if (character == ',' && depth == 0) {
                width++;
            }
        }
        return width;
    }

    private List<?> rows(String text) {
        Query query = source.nativeSql() ? entityManager.createNativeQuery(text) : entityManager.createQuery(text);
        parameters.forEach((name, value) -> query.setParameter(name, value));
        return query.getResultList();
    }

    private static Object[] values(Object row, int from) {
        Object[] columns = row instanceof Object[] array ? array : new Object[] {row};
        Object[] values = new Object[columns.length - from];
        System.arraycopy(columns, from, values, 0, values.length);
        return values;
    }

    /**
     * One slice's aggregates, in select order.
     *
     * @param dimension "overall" or e.g. "segment=retail"
     */
    public record Slice(String dimension, Object[] values) {

        public long count(int index) {
            return Aggregates.asLong(values[index]);
        }

        public Double number(int index) {
            return Aggregates.asDouble(values[index]);
        }

        public Object value(int index) {
            return values[index];
        }
    }
}
