package org.rapport.engine.run;

import java.time.Instant;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A month new deliveries touched, waiting its turn for an intake-triggered run. One row per month. */
@Entity
@Table(name = "intake_run_queue")
public class QueuedMonth {

    @Id
    @Column(name = "month_start", length = 7)
    private String month;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    protected QueuedMonth() {
        // for JPA
    }

    QueuedMonth(YearMonth month, Instant queuedAt) {
        this.month = month.toString();
        this.queuedAt = queuedAt;
    }

    YearMonth month() {
        return YearMonth.parse(month);
    }
}
