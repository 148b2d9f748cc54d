package org.rapport.rules.facts;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One measured KPI for one month and one dimension (overall, a segment, a value band...).
 * The engine inserts it with its value; rules set its direction, target, amber limit and RAG.
 * A {@code null} value means the month had no data for it: rules must not grade it.
 * Not thread-safe: one rule session owns it.
 */
public class Kpi {

    /** The dimension of a company-wide figure. */
    public static final String OVERALL = "overall";

    private final String code;
    private final String dimension;
    private final BigDecimal value;
    private final BigDecimal previous;
    private final String unit;
    private Direction direction = Direction.HIGHER_IS_BETTER;
    private BigDecimal target;
    private BigDecimal amberLimit;
    private Rag rag = Rag.NONE;

    public Kpi(String code, String dimension, BigDecimal value, BigDecimal previous) {
        this(code, dimension, value, previous, null);
    }

    /**
     * @param unit the catalogue's unit ("%", "min", "score", "£"…), which decides how the figure is shown
     *             ({@link Figures}); null when unknown
     */
    public Kpi(String code, String dimension, BigDecimal value, BigDecimal previous, String unit) {
        this.code = Objects.requireNonNull(code, "code");
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.value = value;
        this.previous = previous;
        this.unit = unit;
    }

    /** A company-wide KPI with no figure for last month. */
    public static Kpi overall(String code, BigDecimal value) {
        return new Kpi(code, OVERALL, value, null);
    }

    public String getCode() {
        return code;
    }

    public String getDimension() {
        return dimension;
    }

    public BigDecimal getValue() {
        return value;
    }

    public boolean isMeasured() {
        return value != null;
    }

    public BigDecimal getPrevious() {
        return previous;
    }

    public String getUnit() {
        return unit;
    }

    public Direction getDirection() {
        return direction;
    }

    public void setDirection(Direction direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public BigDecimal getAmberLimit() {
        return amberLimit;
    }

    public void setAmberLimit(BigDecimal amberLimit) {
        this.amberLimit = amberLimit;
    }

    public Rag getRag() {
        return rag;
    }

    /**
     * Grades the KPI. A KPI without a value has no data for the month and cannot be green, amber or red:
     * a rule that tries fails the evaluation, naming the KPI, rather than publish a grade from absence.
     */
    public void setRag(Rag rag) {
        Objects.requireNonNull(rag, "rag");
        if (value == null && rag != Rag.NONE) {
            throw new IllegalStateException(code + " [" + dimension + "] has no data for the month and cannot be graded "
                    + rag + ": rules must match on value != null");
        }
        this.rag = rag;
    }

    /** True when the value meets or beats {@code limit} in this KPI's direction. */
    public boolean meets(BigDecimal limit) {
        if (value == null || limit == null) {
            return false;
        }
        int comparison = value.compareTo(limit);
        return direction == Direction.HIGHER_IS_BETTER ? comparison >= 0 : comparison <= 0;
    }

    @Override
    public String toString() {
        return code + "[" + dimension + "]=" + value + " target " + target + " " + rag;
    }
}
