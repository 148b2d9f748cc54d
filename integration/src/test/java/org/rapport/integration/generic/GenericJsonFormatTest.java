package org.rapport.integration.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.read;
import static org.rapport.integration.support.TestSources.records;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** JSON records mapped by pointer: arrays, a page of an API, JSON lines. */
class GenericJsonFormatTest {

    private static final String DEFINITION = """
            {"name": "feedback-api", "kind": "survey-responses", "format": "generic-json", "timeZone": "UTC",
             %s
             "fields": {"response_id": "id", "customer_id": "/respondent/customer", "responded_at": "/submitted",
                        "nps": "/answers/recommend", "comment": "/answers/why"}}
            """;
    private static final SurveyResponseRecord FIRST = new SurveyResponseRecord(2, "F-1", "C-9",
            LocalDateTime.of(2026, 10, 3, 9, 30), null, null, 9, null, null, "Quick and kind");

    private final IntakeFormat lines = TestSources.format(DEFINITION.formatted(""));

    @Test
    void anArrayOfObjectsIsMappedByPointer() {
        IntakeBatch batch = read(lines, """
                [
                  {"id": "F-1", "respondent": {"customer": "C-9"}, "submitted": "2026-10-03T09:30:00",
                   "answers": {"recommend": 9, "why": "Quick and kind"}},
                  {"id": "F-2", "submitted": "2026-10-03 10:00", "answers": {"recommend": 11}},
                  42
                ]
                """);

        assertThat(records(batch, SurveyResponseRecord.class)).containsExactly(FIRST);
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field, QuarantinedRow::reason)
                .containsExactly(
                        tuple(4L, "/answers/recommend", "'11' is not a whole number between 0 and 10"),
                        tuple(5L, "(record)", "a record must be a JSON object, not number"));
    }

    @Test
    void aPageOfAnApiHoldsItsRecordsInTheItemsProperty() {
        IntakeFormat pages = TestSources.format(DEFINITION.formatted("\"options\": {\"items\": \"data\"},"));

        IntakeBatch batch = read(pages, """
                {"meta": {"next": "abc", "sizes": [1, 2]},
                 "data": [{"id": "F-1", "respondent": {"customer": "C-9"}, "submitted": "2026-10-03T09:30:00",
                           "answers": {"recommend": 9, "why": "Quick and kind"}}]}
                """);

        assertThat(records(batch, SurveyResponseRecord.class)).extracting(SurveyResponseRecord::responseRef)
                .containsExactly("F-1");
    }

    @Test
    void jsonLinesLoseOnlyTheirBadLines() {
        IntakeBatch batch = read(lines, """

                {"id": "F-1", "respondent": {"customer": "C-9"}, "submitted": "2026-10-03T09:30:00", "answers": {"recommend": 9, "why": "Quick and kind"}}
                {"id": "F-2", "submitted": "2026-10-03T10:00:00", "answers": {"recommend": 7}
                {"id": "F-1", "submitted": "2026-10-04T10:00:00", "answers": {"recommend": 3}}
                {"id": "F-3", "submitted": "2026-10-04T11:00:00", "answers": {"recommend": 8}}
                """);

        assertThat(records(batch, SurveyResponseRecord.class)).extracting(SurveyResponseRecord::responseRef)
                .containsExactly("F-1", "F-3");
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field)
                .containsExactly(tuple(3L, "(record)"), tuple(4L, "response_id"));
        assertThat(batch.quarantined().get(0).reason()).startsWith("not valid JSON: Unexpected end-of-input");
        assertThat(batch.quarantined().get(1).reason()).isEqualTo("'F-1' was already given at line 2: a response is "
                + "counted once");
    }

    @Test
    void brokenSyntaxInAnArrayKeepsWhatCameBefore() {
        IntakeBatch batch = read(lines, """
                [{"id": "F-1", "submitted": "2026-10-03T09:30:00", "answers": {"recommend": 9}},
                 {"id": "F-2", "submitted": "2026-10-03T09:30:00", "answers": {"recommend": 9}
                """);

        assertThat(batch.records()).hasSize(1);
        assertThat(batch.quarantined()).singleElement().extracting(QuarantinedRow::line).isEqualTo(2L);
    }

    @Test
    void emptyAndBinaryFilesAreRejected() {
        assertThat(read(lines, "").rejection()).isEqualTo("line 1, field (record): file is empty: no JSON");
        assertThat(read(lines, new byte[] {0x1f, (byte) 0x8b, 8, 0}).rejection())
                .isEqualTo("line 1, field (record): not text: the control character U+001F (binary data) at line 1");
    }
}
