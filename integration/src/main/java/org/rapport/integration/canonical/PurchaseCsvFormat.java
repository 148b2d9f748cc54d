package org.rapport.integration.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.PurchaseRecord;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.CsvIntakeReader;
import org.rapport.integration.csv.FieldRow;

/**
 * Rapport's canonical purchases CSV: who bought, when, how much, of what; and, when the billing system
 * gives one, the purchase's own id ({@code purchase_id}, optional), by which a purchase delivered again in
 * an overlapping extract is known. Without it a purchase is known by its content.
 */
public class PurchaseCsvFormat implements IntakeFormat {

    public static final List<String> COLUMNS = List.of("customer_id", "purchased_on", "amount", "product_category");
    /** The column a billing system may add: its id for the purchase. */
    public static final String ID_COLUMN = "purchase_id";

    private final CsvIntakeReader<PurchaseRecord> reader;

    /** @param source the source's name in the intake ledger */
    public PurchaseCsvFormat(String source) {
        this.reader = new CsvIntakeReader<>(SourceKind.PURCHASES, source, COLUMNS, PurchaseCsvFormat::purchase);
    }

    @Override
    public SourceKind kind() {
        return SourceKind.PURCHASES;
    }

    @Override
    public String source() {
        return reader.source();
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        return reader.stream(fileName, content, sink);
    }

    /** Maps one row onto a record; shared with the source formats that take this kind under a field mapping. */
    public static PurchaseRecord purchase(FieldRow row) throws BadFieldException {
        return new PurchaseRecord(row.line(),
                row.optionalText(ID_COLUMN, Lengths.REFERENCE),
                row.text("customer_id", Lengths.REFERENCE),
                row.date("purchased_on"),
                row.amount("amount"),
                row.optionalText("product_category", Lengths.NAME));
    }
}
