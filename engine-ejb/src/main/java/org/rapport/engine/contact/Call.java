package org.rapport.engine.contact;

import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import org.rapport.engine.intake.IngestedRecord;
import org.rapport.engine.intake.SourceBatch;

/**
 * One call into the IVR / contact centre, reduced to what the moments of truth need. Times are in
 * the contact centre's local time, which is also the time the monthly window is cut in.
 */
@Entity
@Table(name = "call_record", indexes = {
        // by day, not time: a day's entries grow at one end as its calls arrive (V108, CallDays); with the batch,
        // a month's batches are read a batch at a time (V111, CallBatches)
        @Index(name = "ix_call_day_batch", columnList = "started_on, batch_id"),
        // no customer index (V107): scoring reads the calls grouped per customer once a step (CallProfiles)
        // a corrected re-delivery or a replay deletes a batch's rows
        @Index(name = "ix_call_batch", columnList = "batch_id")})
public class Call extends IngestedRecord {

    /** The telephony system's id for the call, kept for tracing. */
    @Column(name = "call_ref", length = 64)
    private String callRef;

    @Column(name = "started_at", nullable = false)
    private LocalDateTime startedAt;

    /** The day {@link #startedAt} falls on, which the database works out itself (a generated column, V108). */
    @Column(name = "started_on", insertable = false, updatable = false)
    private LocalDate startedOn;

    @Column(name = "ivr_seconds", nullable = false)
    private int ivrSeconds;

    @Column(name = "queue_seconds", nullable = false)
    private int queueSeconds;

    @Column(name = "talk_seconds", nullable = false)
    private int talkSeconds;

    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 24)
    private CallOutcome outcome;

    @Column(name = "wanted_agent", nullable = false)
    private boolean wantedAgent;

    @Column(nullable = false)
    private int transfers;

    @Column(name = "times_reidentified", nullable = false)
    private int timesReidentified;

    /** Null when the telephony system does not say. */
    @Column(name = "agent_saw_history")
    private Boolean agentSawHistory;

    @Column(length = 32)
    private String channel;

    protected Call() {
        // for JPA
    }

    public Call(SourceBatch batch, String customerRef, String callRef, LocalDateTime startedAt, int ivrSeconds,
            int queueSeconds, int talkSeconds, CallOutcome outcome, boolean wantedAgent, int transfers,
            int timesReidentified, Boolean agentSawHistory, String channel) {
        super(batch, customerRef);
        this.callRef = callRef;
        this.startedAt = startedAt;
        this.ivrSeconds = ivrSeconds;
        this.queueSeconds = queueSeconds;
        this.talkSeconds = talkSeconds;
        this.outcome = outcome;
        this.wantedAgent = wantedAgent;
        this.transfers = transfers;
        this.timesReidentified = timesReidentified;
        this.agentSawHistory = agentSawHistory;
        this.channel = channel;
    }

    public String getCallRef() {
        return callRef;
    }

    public LocalDateTime getStartedAt() {
        return startedAt;
    }

    public int getIvrSeconds() {
        return ivrSeconds;
    }

    public int getQueueSeconds() {
        return queueSeconds;
    }

    public int getTalkSeconds() {
        return talkSeconds;
    }

    public CallOutcome getOutcome() {
        return outcome;
    }

    public boolean isWantedAgent() {
        return wantedAgent;
    }

    public int getTransfers() {
        return transfers;
    }

    public int getTimesReidentified() {
        return timesReidentified;
    }

    public Boolean getAgentSawHistory() {
        return agentSawHistory;
    }

    public String getChannel() {
        return channel;
    }
}
