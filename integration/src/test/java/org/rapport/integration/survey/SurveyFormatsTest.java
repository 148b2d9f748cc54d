package org.rapport.integration.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.support.TestSources.readShared;
import static org.rapport.integration.support.TestSources.records;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.support.TestSources;

/** The real survey exports: which column is which score is the definition's mapping. */
class SurveyFormatsTest {

    private static final SurveyResponseRecord HELLO_WORLD = new SurveyResponseRecord(0, "R_2YPOQ602ER1jkf1", null,
            LocalDateTime.of(2017, 7, 18, 8, 28, 48), "module feedback", null, null, 2, null, "Hello World!");

    @Test
    void qualtricsCurrentExportNamesAQuestionByItsImportId() {
        IntakeFormat format = TestSources.format("""
                {"name": "qualtrics", "kind": "survey-responses", "format": "qualtrics-csv", "timeZone": "Europe/Zurich",
                 "fields": {"csat": "QID1", "comment": "Q2", "survey": {"constant": "module feedback"}}}
                """);

        IntakeBatch batch = readShared(format, "survey/qualtrics_export_3header.csv");

        assertThat(batch.quarantined()).isEmpty();
        // three header rows: the one response is on line 4
        assertThat(records(batch, SurveyResponseRecord.class)).containsExactly(withLine(HELLO_WORLD, 4));
    }

    @Test
    void qualtricsLegacyExportNamesAQuestionByItsLabel() {
        IntakeFormat format = TestSources.format("""
                {"name": "qualtrics-old", "kind": "survey-responses", "format": "qualtrics-legacy-csv",
                 "timeZone": "Europe/Zurich",
                 "fields": {"csat": "Q1", "comment": "This is a free text question.",
                            "survey": {"constant": "module feedback"}}}
                """);

        IntakeBatch batch = readShared(format, "survey/qualtrics_export_legacy.csv");

        assertThat(batch.quarantined()).isEmpty();
        assertThat(records(batch, SurveyResponseRecord.class)).containsExactly(withLine(HELLO_WORLD, 3));
    }

    @Test
    void surveyMonkeyLikertWordsBecomeScoresAndResponsesWithoutAScoreAreQuarantined() {
        IntakeFormat format = TestSources.format("""
                {"name": "monkey", "kind": "survey-responses", "format": "surveymonkey-csv", "timeZone": "Europe/London",
                 // column 17: "I was given the support and information I needed"; 18: its comment box
                 "fields": {"csat": "#17", "comment": "#18"},
                 "values": {"csat": {"Strongly disagree": "1", "Disagree": "2", "Disgree": "2", "Neutral": "3",
                                     "Agree": "4", "Aagree": "4", "Strongly agree": "5"}}}
                """);

        IntakeBatch batch = readShared(format, "survey/surveymonkey_export.csv");

        var responses = records(batch, SurveyResponseRecord.class);
        assertThat(responses).hasSize(13);
        assertThat(responses).filteredOn(response -> response.responseRef().equals("19076354156")).singleElement()
                .satisfies(response -> {
                    assertThat(response.line()).isEqualTo(4);
                    assertThat(response.respondedAt()).isEqualTo(LocalDateTime.of(2023, 6, 30, 16, 11, 15));
                    assertThat(response.csat()).isEqualTo(5);
                    assertThat(response.comment()).startsWith("I do have an issue with learning about L");
                });
        assertThat(responses).extracting(SurveyResponseRecord::csat).containsOnly(4, 5);
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::reason).containsExactly(
                tuple(7L, "has no score: nps, csat and effort are all blank"),
                tuple(9L, "has no score: nps, csat and effort are all blank"),
                tuple(14L, "has no score: nps, csat and effort are all blank"));
    }

    @Test
    void anAnswerTheMappingDoesNotKnowQuarantinesTheResponseNamingTheColumn() {
        IntakeFormat format = TestSources.format("""
                {"name": "monkey", "kind": "survey-responses", "format": "surveymonkey-csv", "timeZone": "Europe/London",
                 "fields": {"csat": "#17"}, "values": {"csat": {"Strongly agree": "5"}}}
                """);

        IntakeBatch batch = readShared(format, "survey/surveymonkey_export.csv");

        // five answered "Strongly agree"; eight used other words, three gave no answer
        assertThat(batch.records()).hasSize(5);
        assertThat(batch.quarantined()).hasSize(11);
        assertThat(batch.quarantined()).filteredOn(row -> row.field().equals("#17")).first()
                .extracting(QuarantinedRow::reason).isEqualTo("'Agree' is not a whole number between 1 and 5, nor one "
                        + "of the words the definition maps for csat: strongly agree");
    }

    @Test
    void aColumnNamedTwiceMustBeNamedByPosition() {
        IntakeFormat format = TestSources.format("""
                {"name": "monkey", "kind": "survey-responses", "format": "surveymonkey-csv", "timeZone": "Europe/London",
                 "fields": {"csat": "#17", "comment": "Is there anything else you would like to say about this?"}}
                """);

        assertThat(readShared(format, "survey/surveymonkey_export.csv").rejection()).isEqualTo("line 1, field Is there "
                + "anything else you would like to say about this?: the header names column 'Is there anything else "
                + "you would like to say about this?' more than once (#18 and #20); refer to it by position "
                + "(mapped to comment)");
    }

    private static SurveyResponseRecord withLine(SurveyResponseRecord response, long line) {
        return new SurveyResponseRecord(line, response.responseRef(), response.customerRef(), response.respondedAt(),
                response.survey(), response.touchpoint(), response.nps(), response.csat(), response.effort(),
                response.comment());
    }
}
