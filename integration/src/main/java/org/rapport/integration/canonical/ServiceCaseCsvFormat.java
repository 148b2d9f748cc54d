package org.rapport.integration.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.ServiceCaseRecord;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.CsvIntakeReader;
import org.rapport.integration.mapping.ServiceCaseMapper;

/**
 * Rapport's canonical service-cases CSV: one complaint, compliment, request, enquiry or call-back per
 * row, opened and (when it was) closed at ISO local date-times read as UTC, like every canonical CSV.
 * A blank {@code customer_id} is a case from no known customer and is kept; a blank {@code closed_at} a
 * case still open. The CRM's own id for the case ({@code case_id}) may come first: the intake reads it
 * where it keys records, and ignores it otherwise.
 */
public class ServiceCaseCsvFormat implements IntakeFormat {

    public static final List<String> COLUMNS = List.of("customer_id", "opened_at", "closed_at", "channel", "kind",
            "category", "text");

    private final CsvIntakeReader<ServiceCaseRecord> reader;

    /** @param source the source's name in the intake ledger */
    public ServiceCaseCsvFormat(String source) {
        // the same mapping as a service-cases source under a field mapping, so both read a case alike
        this.reader = new CsvIntakeReader<>(SourceKind.SERVICE_CASES, source, COLUMNS, ServiceCaseMapper::serviceCase);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.SERVICE_CASES;
    }

    @Override
    public String source() {
        return reader.source();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.stream(fileName, content, sink);
    }
}
