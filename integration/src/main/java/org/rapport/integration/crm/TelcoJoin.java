package org.rapport.integration.crm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rapport.engine.intake.CollectedRows;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.canonical.CustomerCsvFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;
import org.rapport.integration.csv.Columns;
import org.rapport.integration.csv.DelimitedReader;
import org.rapport.integration.csv.DelimitedRow;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.RowSink;
import org.rapport.integration.mapping.FieldMap;
import org.rapport.integration.mapping.KindMapping;
import org.rapport.integration.source.CanonicalFields;
import org.rapport.integration.source.CustomerMatcher;
import org.rapport.integration.source.FieldSource;

/**
 * Joins a customers table with its status table on the customer id: the status rows are held by
 * key, each customer row is read with its status row's columns after its own, so one field mapping
 * can name columns of either table. Thread-safe: each read has its own state.
 */
final class TelcoJoin {

    private final DelimitedReader reader;
    private final String mainKey;
    private final String companionKey;
    private final Map<String, FieldSource> sources;
    private final FieldConventions conventions;
    private final CustomerMatcher matcher;
    private final Map<String, FieldMap.Derivation> derivations;

    TelcoJoin(DelimitedReader reader, String mainKey, String companionKey, Map<String, FieldSource> sources,
            FieldConventions conventions, CustomerMatcher matcher, Map<String, FieldMap.Derivation> derivations) {
        this.reader = reader;
        this.mainKey = mainKey;
        this.companionKey = companionKey;
        this.sources = sources;
        this.conventions = conventions;
        this.matcher = matcher;
        this.derivations = derivations;
    }

    /**
     * The status rows of a companion file, by key.
     *
     * @param name      the companion's file name
     * @param columns   its column names
     * @param byKey     each key's fields
     * @param problems  its rows that could not be used, to be quarantined with the batch
     * @param rejection why the companion as a whole was refused, or null
     */
    record Statuses(String name, List<String> columns, Map<String, List<String>> byKey, List<QuarantinedRow> problems,
            QuarantinedRow rejection) {
    }

    /** Reads the companion whole: it is the narrower table, and every customer row needs it. */
    Statuses readCompanion(String name, InputStream content) throws IOException {
        StatusRows rows = new StatusRows();
        CollectedRows collected = new CollectedRows();
        DelimitedReader.Reading reading = reader.read(name, content, rows, collected);
        List<QuarantinedRow> problems = collected.quarantined().stream()
                .map(row -> new QuarantinedRow(row.line(), row.field(), "in companion " + name + ": " + row.reason(),
                        row.rawText()))
                .toList();
        return new Statuses(name, rows.columns, rows.byKey, problems, reading.rejection());
    }

    /** Streams the customers past the companion, each joined with its status row. */
    DelimitedReader.Reading readCustomers(String fileName, InputStream content, Statuses statuses, RecordSink sink)
            throws IOException {
        return reader.read(fileName, content, new CustomerRows(statuses), sink);
    }

    /** Reads the companion into memory, by key; a second row for a key is quarantined, the first kept. */
    private final class StatusRows implements RowSink {
        private final Map<String, List<String>> byKey = new HashMap<>();
        private final Map<String, Long> lineOfKey = new HashMap<>();
        private final List<String> columns = new ArrayList<>();
        private int keyIndex;

        @Override
        public void header(Columns header) throws BadFieldException {
            keyIndex = header.index(companionKey);
            for (int index = 0; index < header.width(); index++) {
                columns.add(header.name(index));
            }
        }

        @Override
        public void row(DelimitedRow row, BatchCollector out) throws BadFieldException {
            String key = row.get(keyIndex).strip();
            if (key.isEmpty()) {
                throw new BadFieldException(companionKey, "is blank: a status row is joined by it");
            }
            Long earlier = lineOfKey.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw new BadFieldException(companionKey, "'" + key + "' has a status row already, at line " + earlier
                        + ", which is the one used");
            }
            byKey.put(key, row.values());
        }
    }

    /** Reads the customers, each with its status row. */
    private final class CustomerRows implements RowSink {
        private final Statuses statuses;
        private final KindMapping customers = KindMapping.of(SourceKind.CUSTOMERS);
        private FieldMap fields;
        private int keyIndex;
        private int width;

        CustomerRows(Statuses statuses) {
            this.statuses = statuses;
        }

        @Override
        public void header(Columns header) throws BadFieldException {
            keyIndex = header.index(mainKey);
            width = header.width();
            List<String> joined = new ArrayList<>();
            for (int index = 0; index < width; index++) {
                joined.add(header.name(index));
            }
            joined.addAll(statuses.columns());
            fields = FieldMap.resolve(sources, CanonicalFields.of(SourceKind.CUSTOMERS, "tenure_months",
                    "monthly_charges"), customers.required(), Columns.of(List.of(joined), name -> name), matcher)
                    .deriving(derivations);
        }

        @Override
        public void row(DelimitedRow row, BatchCollector out) throws BadFieldException {
            String key = row.get(keyIndex).strip();
            List<String> status = statuses.byKey().get(key);
            if (status == null) {
                throw new BadFieldException(mainKey, "'" + key + "' has no row in the status table " + statuses.name()
                        + " (joined on " + companionKey + ")");
            }
            out.add(CustomerCsvFormat.customer(fields.row(row.line(),
                    index -> index < width ? row.get(index) : status.get(index - width), conventions)));
        }

        @Override
        public void end(BatchCollector out) {
            statuses.problems().forEach(out::quarantine);
        }
    }
}
