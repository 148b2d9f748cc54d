package org.rapport.engine.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A process-improvement trigger a run raised, as stored for the pack and for follow-up. */
@Entity
@Table(name = "improvement_trigger")
public class Trigger {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "run_id", nullable = false)
    private Run run;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 256)
    private String title;

    @Column(nullable = false, length = 16)
    private String pillar;

    @Column(nullable = false, length = 16)
    private String severity;

    @Column(nullable = false, length = 2000)
    private String evidence;

    /** Who should act; empty until someone takes it. */
    @Column(length = 128)
    private String owner;

    @Column(nullable = false, length = 16)
    private String status = "OPEN";

    protected Trigger() {
        // for JPA
    }

    public Trigger(Run run, String code, String title, String pillar, String severity, String evidence) {
        this.run = run;
        this.code = code;
        this.title = title;
        this.pillar = pillar;
        this.severity = severity;
        this.evidence = evidence;
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

    public String getTitle() {
        return title;
    }

    public String getPillar() {
        return pillar;
    }

    public String getSeverity() {
        return severity;
    }

    public String getEvidence() {
        return evidence;
    }

    public String getOwner() {
        return owner;
    }

    public String getStatus() {
        return status;
    }
}
