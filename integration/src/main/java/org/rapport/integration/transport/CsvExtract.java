package org.rapport.integration.transport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a query's result, row by row as the driver hands them over, as a CSV with a header of the
 * column labels (the names a {@code generic-csv} definition maps from), and notes the largest value
 * of the watermark column on the way. Not thread-safe: one per fetch.
 */
final class CsvExtract {

    private final String watermarkColumn;
    private final Charset charset;
    private final ZoneId zone;
    private long rows;
    private Watermark largest;

    /** @param watermarkColumn the column whose largest value is noted, or null */
    CsvExtract(String watermarkColumn, Charset charset, ZoneId zone) {
        this.watermarkColumn = watermarkColumn;
        this.charset = charset;
        this.zone = zone;
    }

    /** Writes every row of {@code result} into {@code file}; the file is written only if there is a row. */
    void write(ResultSet result, LandingFile file) throws SQLException, IOException, FetchRejected {
        List<ResultColumn> columns = columns(result.getMetaData());
        int watermarkIndex = watermarkIndex(columns);
        CSVPrinter printer = null;
        List<String> values = new ArrayList<>(columns.size());
        while (result.next()) {
            if (printer == null) {
                printer = CSVFormat.DEFAULT.builder().setHeader(columns.stream().map(ResultColumn::label)
                        .toArray(String[]::new)).get()
                        .print(new BufferedWriter(new OutputStreamWriter(file.content(), charset)));
            }
            values.clear();
            for (int index = 0; index < columns.size(); index++) {
                Object value = columns.get(index).read(result);
                values.add(ResultColumn.text(value, zone));
                if (index == watermarkIndex && value != null) {
                    note(value);
                }
            }
            printer.printRecord(values);
            rows++;
        }
        if (printer != null) {
            printer.flush();
        }
    }

    long rows() {
        return rows;
    }

    /** The largest watermark column value written, or null when none was. */
    Watermark largest() {
        return largest;
    }

    private void note(Object value) throws FetchRejected {
        if (!Watermark.canHold(value)) {
            throw new FetchRejected("column '" + watermarkColumn + "' (transport.updatedAtColumn) holds "
                    + value.getClass().getSimpleName() + " values; it must be a number, a date or a timestamp");
        }
        Watermark candidate = new Watermark(value);
        if (largest == null || candidate.isAfter(largest)) {
            largest = candidate;
        }
    }

    private int watermarkIndex(List<ResultColumn> columns) throws FetchRejected {
        if (watermarkColumn == null) {
            return -1;
        }
        for (int index = 0; index < columns.size(); index++) {
            if (columns.get(index).label().equalsIgnoreCase(watermarkColumn)) {
                return index;
            }
        }
        throw new FetchRejected("the query returns no column '" + watermarkColumn + "' (transport.updatedAtColumn); "
                + "it returns " + String.join(", ", columns.stream().map(ResultColumn::label).toList()));
    }

    private static List<ResultColumn> columns(ResultSetMetaData meta) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>();
        for (int index = 1; index <= meta.getColumnCount(); index++) {
            columns.add(ResultColumn.of(meta, index));
        }
        return columns;
    }
}
