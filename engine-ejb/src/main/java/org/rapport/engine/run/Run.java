package org.rapport.engine.run;

import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.ruleset.RuleSetVersion;

/**
 * One monthly run: the month it measured, the rule-set version it evaluated with and the source
 * batches it used — the lineage the board pack prints.
 */
@Entity
@Table(name = "run", indexes = @Index(name = "ix_run_month", columnList = "month_start"))
public class Run {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    /** First day of the month measured, stored as "yyyy-MM". */
    @Column(name = "month_start", nullable = false, length = 7)
    private String month;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    // by name in a plain VARCHAR, no ENUM type or check constraint: a value added later needs no migration
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private RunStatus status;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "rule_set_version_id", nullable = false)
    private RuleSetVersion ruleSetVersion;

    @ManyToMany
    @JoinTable(name = "run_source_batch", joinColumns = @JoinColumn(name = "run_id"),
            inverseJoinColumns = @JoinColumn(name = "batch_id"))
    @OrderBy("id")
    private Set<SourceBatch> sourceBatches = new LinkedHashSet<>();

    @Column(length = 2000)
    private String failure;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    private RunOrigin origin;

    /** The last step that completed, null before the first: where an interrupted run resumes. */
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "completed_step", length = 16)
    private RunStep completedStep;

    /** The step being worked on now, for progress over the API. */
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "current_step", length = 16)
    private RunStep currentStep;

    /** Who forced the run to start without complete data (role admin), or null. */
    @Column(name = "forced_by", length = 128)
    private String forcedBy;

    /** What the month lacked: while waiting, as of the last look; once started incomplete, for the pack's notice. */
    @Column(name = "waiting_for", length = 2000)
    private String waitingFor;

    /** True when the run started without complete data (forced, or published after the deadline). */
    @Column(name = "incomplete", nullable = false)
    private boolean incomplete;

    /** The published run of the same month this one revises (or, when UNCHANGED, matched). */
    @Column(name = "revises_run_id")
    private Long revisesRunId;

    protected Run() {
        // for JPA
    }

    public Run(YearMonth month, RunOrigin origin, RuleSetVersion ruleSetVersion, Instant startedAt) {
        this.month = month.toString();
        this.origin = origin;
        this.ruleSetVersion = ruleSetVersion;
        this.startedAt = startedAt;
        this.status = RunStatus.RUNNING;
    }

    public String getForcedBy() {
        return forcedBy;
    }

    public String getWaitingFor() {
        return waitingFor;
    }

    public boolean isIncomplete() {
        return incomplete;
    }

    public Long getRevisesRunId() {
        return revisesRunId;
    }

    /** The month's data is not complete: the run waits, saying for what. */
    void waitFor(String missing) {
        this.status = RunStatus.WAITING_FOR_DATA;
        this.waitingFor = truncated(missing);
    }

    /** The month's data is complete: the run goes ahead. */
    void proceed() {
        this.status = RunStatus.RUNNING;
        this.waitingFor = null;
    }

    /** The run goes ahead without complete data; the pack says what was missing and, if forced, by whom. */
    void proceedIncomplete(String missing, String forcedBy) {
        this.status = RunStatus.RUNNING;
        this.incomplete = missing != null && !missing.isBlank();
        this.waitingFor = incomplete ? truncated(missing) : null;
        this.forcedBy = forcedBy;
    }

    /** This run replaces the published run {@code runId} of the same month. */
    void revises(long runId) {
        this.revisesRunId = runId;
    }

    /** Its figures came out as published run {@code runId}'s: nothing new to publish. */
    void unchanged(long runId, Instant at) {
        this.revisesRunId = runId;
        this.status = RunStatus.UNCHANGED;
        this.finishedAt = at;
    }

    private static String truncated(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    public Long getId() {
        return id;
    }

    public YearMonth getMonth() {
        return YearMonth.parse(month);
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public RunStatus getStatus() {
        return status;
    }

    public RuleSetVersion getRuleSetVersion() {
        return ruleSetVersion;
    }

    public Set<SourceBatch> getSourceBatches() {
        return sourceBatches;
    }

    public String getFailure() {
        return failure;
    }

    public RunOrigin getOrigin() {
        return origin;
    }

    public RunStep getCompletedStep() {
        return completedStep;
    }

    public RunStep getCurrentStep() {
        return currentStep;
    }

    /** True when {@code step} completed in an earlier execution of this run. */
    public boolean hasCompleted(RunStep step) {
        return completedStep != null && completedStep.compareTo(step) >= 0;
    }

    void working(RunStep step) {
        this.currentStep = step;
    }

    void completed(RunStep step) {
        this.completedStep = step;
        this.currentStep = null;
    }

    void published(Instant at) {
        this.status = RunStatus.PUBLISHED;
        this.finishedAt = at;
    }

    void failed(Instant at, String reason) {
        this.status = RunStatus.FAILED;
        this.finishedAt = at;
        this.failure = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
    }
}
