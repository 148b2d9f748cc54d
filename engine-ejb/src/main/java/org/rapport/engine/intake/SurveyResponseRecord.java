package org.rapport.engine.intake;

import java.time.LocalDateTime;

/** One survey response as a survey tool delivers it. */
public record SurveyResponseRecord(long line, String responseRef, String customerRef, LocalDateTime respondedAt,
        String survey, String touchpoint, Integer nps, Integer csat, Integer effort, String comment)
        implements CanonicalRecord {
}
