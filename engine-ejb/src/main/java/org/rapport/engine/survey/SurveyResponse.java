package org.rapport.engine.survey;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

import org.rapport.engine.intake.IngestedRecord;
import org.rapport.engine.intake.SourceBatch;

/**
 * One answered survey. Each score is optional because surveys ask different questions:
 * NPS 0–10, CSAT 1–5, effort 1–7 ("made it easy", higher is better).
 */
@Entity
@Table(name = "survey_response", indexes = {
        @Index(name = "ix_survey_responded", columnList = "responded_at"),
        // a corrected re-delivery or a replay deletes a batch's rows
        @Index(name = "ix_survey_batch", columnList = "batch_id")})
public class SurveyResponse extends IngestedRecord {

    @Column(name = "response_ref", length = 64)
    private String responseRef;

    @Column(name = "responded_at", nullable = false)
    private LocalDateTime respondedAt;

    @Column(length = 128)
    private String survey;

    @Column(length = 64)
    private String touchpoint;

    private Integer nps;

    private Integer csat;

    private Integer effort;

    /** Free text; scrubbed before it is ever shown in a pack. */
    @Column(name = "comment_text", length = 4000)
    private String comment;

    protected SurveyResponse() {
        // for JPA
    }

    public SurveyResponse(SourceBatch batch, String customerRef, String responseRef, LocalDateTime respondedAt,
            String survey, String touchpoint, Integer nps, Integer csat, Integer effort, String comment) {
        super(batch, customerRef);
        this.responseRef = responseRef;
        this.respondedAt = respondedAt;
        this.survey = survey;
        this.touchpoint = touchpoint;
        this.nps = nps;
        this.csat = csat;
        this.effort = effort;
        this.comment = comment;
    }

    public String getResponseRef() {
        return responseRef;
    }

    public LocalDateTime getRespondedAt() {
        return respondedAt;
    }

    public String getSurvey() {
        return survey;
    }

    public String getTouchpoint() {
        return touchpoint;
    }

    public Integer getNps() {
        return nps;
    }

    public Integer getCsat() {
        return csat;
    }

    public Integer getEffort() {
        return effort;
    }

    public String getComment() {
        return comment;
    }
}
