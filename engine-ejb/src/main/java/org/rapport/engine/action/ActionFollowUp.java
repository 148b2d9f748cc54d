package org.rapport.engine.action;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.rapport.engine.run.Run;
import org.rapport.engine.run.Trigger;

/**
 * What a run's evaluation found about one of last month's action points: whether its trigger fired
 * again. Kept with the run that found it (a re-run finds it again), never written onto the action, so
 * the team's status is never overwritten by the data.
 */
@Entity
@Table(name = "action_follow_up")
public class ActionFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    /** The run whose evaluation looked. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    /** Last month's action point it looked at. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "trigger_id", nullable = false)
    private Trigger action;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "firing", nullable = false, length = 20)
    private FollowUpSignal signal;

    protected ActionFollowUp() {
        // for JPA
    }

    public ActionFollowUp(Run run, Trigger action, FollowUpSignal signal) {
        this.run = run;
        this.action = action;
        this.signal = signal;
    }

    public Run getRun() {
        return run;
    }

    public Trigger getAction() {
        return action;
    }

    public FollowUpSignal getSignal() {
        return signal;
    }
}
