package org.rapport.engine.kpi;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.rapport.engine.run.Run;

/** One KPI as a run measured and graded it. A null value means the month had no data for it. */
@Entity
@Table(name = "kpi_value", uniqueConstraints = @UniqueConstraint(name = "ux_kpi_value_run_code_dim",
        columnNames = {"run_id", "code", "dimension"}))
public class KpiValue {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 128)
    private String dimension;

    /** "value" is a reserved word in H2. */
    @Column(name = "measured_value", precision = 14, scale = 4)
    private BigDecimal value;

    /** How many observations the value rests on (responses, calls, customers). */
    @Column(name = "sample_size", nullable = false)
    private long sampleSize;

    @Column(precision = 14, scale = 4)
    private BigDecimal target;

    @Column(length = 8)
    private String rag;

    @Column(precision = 14, scale = 4)
    private BigDecimal previous;

    protected KpiValue() {
        // for JPA
    }

    public KpiValue(Run run, String code, String dimension, BigDecimal value, long sampleSize, BigDecimal target,
            String rag, BigDecimal previous) {
        this.run = run;
        this.code = code;
        this.dimension = dimension;
        this.value = value;
        this.sampleSize = sampleSize;
        this.target = target;
        this.rag = rag;
        this.previous = previous;
    }

    /** Records how the rules graded this value. */
    public void grade(BigDecimal target, String rag) {
        this.target = target;
        this.rag = rag;
    }

    public Long getId() {
        return id;
    }

    public Run getRun() {
        return run;
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

    public long getSampleSize() {
        return sampleSize;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public String getRag() {
        return rag;
    }

    public BigDecimal getPrevious() {
        return previous;
    }
}
