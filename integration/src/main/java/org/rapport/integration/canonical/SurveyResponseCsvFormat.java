package org.rapport.integration.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.intake.SurveyResponseRecord;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.CsvIntakeReader;
import org.rapport.integration.csv.CsvRow;
import org.rapport.integration.mapping.SurveyResponseMapper;

/**
 * Rapport's canonical survey responses CSV: NPS 0–10, CSAT 1–5 and effort 1–7 ("made it easy"),
 * each optional, at least one of them given.
 */
public class SurveyResponseCsvFormat implements IntakeFormat {

    public static final List<String> COLUMNS = List.of("response_id", "customer_id", "responded_at", "survey",
            "touchpoint", "nps", "csat", "effort", "comment");

    private final CsvIntakeReader<SurveyResponseRecord> reader;

    /** @param source the source's name in the intake ledger */
    public SurveyResponseCsvFormat(String source) {
        this.reader = new CsvIntakeReader<>(SourceKind.SURVEY_RESPONSES, source, COLUMNS,
                SurveyResponseCsvFormat::response);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SURVEY_RESPONSES;
    }

    @Override
    public String source() {
        return reader.source();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.stream(fileName, content, sink);
    }

    private static SurveyResponseRecord response(CsvRow row) throws BadFieldException {
        return SurveyResponseMapper.response(row, true);
    }
}
