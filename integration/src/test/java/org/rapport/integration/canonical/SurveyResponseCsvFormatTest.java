package org.rapport.integration.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.canonical.Delivered.lines;
import static org.rapport.integration.canonical.Delivered.read;
import static org.rapport.integration.canonical.Delivered.records;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.intake.SurveyResponseRecord;

class SurveyResponseCsvFormatTest {

    private static final String HEADER = String.join(",", SurveyResponseCsvFormat.COLUMNS);

    private final SurveyResponseCsvFormat format = new SurveyResponseCsvFormat("test-survey");

    @Test
    void aGoodFileGivesOneTypedRecordPerRowWithOptionalScores() {
        IntakeBatch batch = read(format, lines(HEADER,
                "R-1,C-001,2026-10-12T14:03:00,relationship-nps,relationship,9,5,6,\"Quick, friendly help.\"",
                "R-2,C-002,2026-10-13T09:30:00,post-contact,call,,2,,"));

        assertThat(batch.kind()).isEqualTo(SourceKind.SURVEY_RESPONSES);
        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, SurveyResponseRecord.class)).containsExactly(
                new SurveyResponseRecord(2, "R-1", "C-001", LocalDateTime.of(2026, 10, 12, 14, 3), "relationship-nps",
                        "relationship", 9, 5, 6, "Quick, friendly help."),
                new SurveyResponseRecord(3, "R-2", "C-002", LocalDateTime.of(2026, 10, 13, 9, 30), "post-contact",
                        "call", null, 2, null, null));
    }

    @Test
    void scoresOutOfRangeOrNotNumbersAreQuarantinedWhileTheGoodRowsGoThrough() {
        IntakeBatch batch = read(format, lines(HEADER,
                "R-1,C-001,2026-10-12T14:03:00,relationship-nps,relationship,abc,5,6,",
                "R-2,C-001,2026-10-12T14:03:00,relationship-nps,relationship,11,5,6,",
                "R-3,C-001,2026-10-12T14:03:00,relationship-nps,relationship,10,0,6,",
                "R-4,C-001,2026-10-12T14:03:00,relationship-nps,relationship,10,5,8,",
                "R-5,C-001,2026-10-12T14:03:00,relationship-nps,relationship,10,5,7,"));

        assertThat(records(batch, SurveyResponseRecord.class)).extracting(SurveyResponseRecord::responseRef).containsExactly("R-5");
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(2L, "nps", "'abc' is not a whole number between 0 and 10"),
                        tuple(3L, "nps", "'11' is not a whole number between 0 and 10"),
                        tuple(4L, "csat", "'0' is not a whole number between 1 and 5"),
                        tuple(5L, "effort", "'8' is not a whole number between 1 and 7"));
    }

    @Test
    void aResponseWithoutAnyScoreIsQuarantined() {
        IntakeBatch batch = read(format, lines(HEADER,
                "R-1,C-001,2026-10-12T14:03:00,relationship-nps,relationship,,,,Just a comment"));

        assertThat(batch.quarantined()).singleElement().isEqualTo(new QuarantinedRow(2, QuarantinedRow.WHOLE_RECORD,
                "has no score: nps, csat and effort are all blank",
                "R-1,C-001,2026-10-12T14:03:00,relationship-nps,relationship,,,,Just a comment"));
    }

    @Test
    void aCommentSpanningLinesKeepsTheLineNumbersOfTheRowsAfterIt() {
        IntakeBatch batch = read(format, lines(HEADER,
                "R-1,C-001,2026-10-12T14:03:00,post-contact,call,9,5,6,\"First line",
                "second line",
                "third line\"",
                "R-2,C-002,2026-10-12T14:05:00,post-contact,call,eleven,5,6,",
                "R-3,C-003,2026-10-12T14:07:00,post-contact,call,7,4,5,"));

        assertThat(records(batch, SurveyResponseRecord.class)).extracting(SurveyResponseRecord::line, SurveyResponseRecord::comment).containsExactly(
                tuple(2L, "First line\nsecond line\nthird line"),
                tuple(6L, null));
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field)
                .containsExactly(tuple(5L, "nps"));
    }
}
