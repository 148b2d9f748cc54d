package org.rapport.engine.readiness;

import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The integration team's word on one source for one month: closed, or not needed. One per month and source. */
@Entity
@Table(name = "month_mark", uniqueConstraints = @UniqueConstraint(name = "uk_month_mark",
        columnNames = {"month_start", "source"}))
public class MonthMark {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Column(name = "month_start", nullable = false, length = 7)
    private String month;

    @Column(nullable = false, length = 128)
    private String source;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private MarkKind mark;

    @Column(name = "marked_by", nullable = false, length = 128)
    private String markedBy;

    @Column(name = "marked_at", nullable = false)
    private Instant markedAt;

    protected MonthMark() {
        // for JPA
    }

    public MonthMark(YearMonth month, String source, MarkKind mark, String markedBy, Instant markedAt) {
        this.month = month.toString();
        this.source = source;
        this.mark = mark;
        this.markedBy = markedBy;
        this.markedAt = markedAt;
    }

    public String getSource() {
        return source;
    }

    public MarkKind getMark() {
        return mark;
    }

    public String getMarkedBy() {
        return markedBy;
    }

    public Instant getMarkedAt() {
        return markedAt;
    }

    void change(MarkKind newMark, String by, Instant at) {
        this.mark = newMark;
        this.markedBy = by;
        this.markedAt = at;
    }
}
