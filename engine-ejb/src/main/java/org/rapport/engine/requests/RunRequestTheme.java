package org.rapport.engine.requests;

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

/**
 * How many of a run's month's comments and cases mentioned one request theme, as the run's rules
 * counted them. A count and the theme's label only: never a customer's words or who they are.
 */
@Entity
@Table(name = "run_request_theme", uniqueConstraints = @UniqueConstraint(name = "ux_run_request_theme",
        columnNames = {"run_id", "code"}))
public class RunRequestTheme {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    /** The theme's stable code, e.g. PAPERLESS_BILLING. */
    @Column(nullable = false, length = 128)
    private String code;

    @Column(nullable = false, length = 256)
    private String label;

    /** Who can act on it: STAFF, PROCESS or TECHNOLOGY. */
    @Column(nullable = false, length = 16)
    private String pillar;

    @Column(nullable = false)
    private int mentions;

    /** Mentions in a month from which the rules call the theme recurring. */
    @Column(name = "recurs_at", nullable = false)
    private int recursAt;

    protected RunRequestTheme() {
        // for JPA
    }

    public RunRequestTheme(Run run, String code, String label, String pillar, int mentions, int recursAt) {
        this.run = run;
        this.code = code;
        this.label = label;
        this.pillar = pillar;
        this.mentions = mentions;
        this.recursAt = recursAt;
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

    public String getLabel() {
        return label;
    }

    public String getPillar() {
        return pillar;
    }

    public int getMentions() {
        return mentions;
    }

    public int getRecursAt() {
        return recursAt;
    }

    /** Whether the month's mentions reached the theme's threshold. */
    public boolean isRecurring() {
        return mentions >= recursAt;
    }
}
