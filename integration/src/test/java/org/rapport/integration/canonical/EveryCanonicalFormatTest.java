package org.rapport.integration.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.integration.canonical.Delivered.lines;
import static org.rapport.integration.canonical.Delivered.read;
import static org.rapport.integration.canonical.Delivered.sha256;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.integration.IntakeFormat;

/** What every canonical CSV format does with a file as a whole: they share one way of reading CSV. */
class EveryCanonicalFormatTest {

    /** A format with one good row, and the free-text column that may hold line breaks. */
    record Fixture(IntakeFormat format, List<String> columns, List<String> goodValues, String textColumn) {

        String header() {
            return String.join(",", columns);
        }

        String goodRow() {
            return String.join(",", goodValues);
        }

        String rowWithText(String quotedText) {
            List<String> values = new ArrayList<>(goodValues);
            values.set(columns.indexOf(textColumn), quotedText);
            return String.join(",", values);
        }

        @Override
        public String toString() {
            return format.kind().name();
        }
    }

    static Stream<Fixture> formats() {
        return Stream.of(
                new Fixture(new CustomerCsvFormat("test"), CustomerCsvFormat.COLUMNS,
                        List.of("C-001", "one-year", "north", "medium", "2023-12-31", "active", "", "", "683.40",
                                "phone", "true", "false"), "region"),
                new Fixture(new PurchaseCsvFormat("test"), PurchaseCsvFormat.COLUMNS,
                        List.of("C-001", "2026-10-05", "89.10", "fibre-plan"), "product_category"),
                new Fixture(new CallCsvFormat("test"), CallCsvFormat.COLUMNS,
                        List.of("K-1", "C-001", "2026-10-01T08:15:00", "95", "240", "410", "answered", "true", "1",
                                "1", "false", "phone"), "channel"),
                new Fixture(new SurveyResponseCsvFormat("test"), SurveyResponseCsvFormat.COLUMNS,
                        List.of("R-1", "C-001", "2026-10-12T14:03:00", "relationship-nps", "relationship", "9", "5",
                                "6", "Quick help"), "comment"));
    }

    static Stream<Arguments> requiredColumns() {
        return formats().flatMap(fixture -> fixture.columns().stream().map(column -> Arguments.of(fixture, column)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aZeroByteFileIsRejectedAsEmpty(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), new byte[0]);

        assertThat(batch.isRejected()).isTrue();
        assertThat(batch.rejection()).isEqualTo("line 1, field (record): file is empty: no header row");
        assertThat(batch.checksum()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aFileOfBlankLinesIsRejectedAsEmpty(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), "\n \r\n\t\n");

        assertThat(batch.rejection()).isEqualTo("line 1, field (record): file is empty: no header row");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aFileWithOnlyAHeaderIsAcceptedWithNoRecords(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), lines(fixture.header()));

        assertThat(batch.isRejected()).isFalse();
        assertThat(batch.records()).isEmpty();
        assertThat(batch.quarantined()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aByteOrderMarkAndWindowsLineEndingsAreTolerated(Fixture fixture) {
        byte[] bytes = ("\uFEFF" + fixture.header() + "\r\n" + fixture.goodRow() + "\r\n" + fixture.goodRow())
                .getBytes(StandardCharsets.UTF_8);

        IntakeBatch batch = read(fixture.format(), bytes);

        assertThat(batch.quarantined()).isEmpty();
        assertThat(batch.records()).extracting(CanonicalRecord::line).containsExactly(2L, 3L);
        assertThat(batch.checksum()).isEqualTo(sha256(bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aBinaryFileIsRejectedAsNotText(Fixture fixture) {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'};

        IntakeBatch batch = read(fixture.format(), png);

        assertThat(batch.rejection()).isEqualTo("line 1, field (record): not text: bytes that are not UTF-8 at line 1");
        assertThat(batch.checksum()).isEqualTo(sha256(png));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aNulCharacterRejectsTheFileAsNotText(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), lines(fixture.header(), fixture.goodRow(), "C-002\0\0\0"));

        assertThat(batch.records()).isEmpty();
        assertThat(batch.rejection())
                .isEqualTo("line 3, field (record): not text: a NUL character (binary data) at line 3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void textInAnotherEncodingIsRejectedNamingTheLine(Fixture fixture) {
        byte[] latin1 = lines(fixture.header(), fixture.goodRow(), fixture.rowWithText("Caf\u00e9"))
                .getBytes(StandardCharsets.ISO_8859_1);

        IntakeBatch batch = read(fixture.format(), latin1);

        assertThat(batch.rejection()).isEqualTo("line 3, field (record): not text: bytes that are not UTF-8 at line 3");
    }

    @ParameterizedTest(name = "{0} without {1}")
    @MethodSource("requiredColumns")
    void aMissingColumnRejectsTheFileNamingTheColumnAndLineOne(Fixture fixture, String missing) {
        int index = fixture.columns().indexOf(missing);
        List<String> header = new ArrayList<>(fixture.columns());
        List<String> values = new ArrayList<>(fixture.goodValues());
        header.remove(index);
        values.remove(index);

        IntakeBatch batch = read(fixture.format(), lines(String.join(",", header), String.join(",", values)));

        assertThat(batch.isRejected()).isTrue();
        assertThat(batch.records()).isEmpty();
        assertThat(batch.rejection()).startsWith("line 1, field " + missing + ": the header lacks column " + missing + ";");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aColumnNamedTwiceRejectsTheFile(Fixture fixture) {
        String first = fixture.columns().get(0);

        IntakeBatch batch = read(fixture.format(), lines(fixture.header() + "," + first.toUpperCase(),
                fixture.goodRow() + ",X"));

        assertThat(batch.rejection()).isEqualTo("line 1, field " + first + ": the header names column '" + first
                + "' twice");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aRowWithTooFewFieldsIsQuarantinedAndTheRowsAfterItStillRead(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), lines(fixture.header(), "C-001,2026", fixture.goodRow()));

        assertThat(batch.quarantined()).singleElement().isEqualTo(new QuarantinedRow(2, QuarantinedRow.WHOLE_RECORD,
                "expected " + fixture.columns().size() + " fields, found 2", "C-001,2026"));
        assertThat(batch.records()).extracting(CanonicalRecord::line).containsExactly(3L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void aQuotedLineBreakKeepsTheLineNumbersOfTheRowsAfterIt(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), lines(fixture.header(),
                fixture.rowWithText("\"North\r\nand, \"\"East\"\"\nside\""),
                fixture.rowWithText("\"\""),
                fixture.goodRow()));

        assertThat(batch.quarantined()).isEmpty();
        assertThat(batch.records()).extracting(CanonicalRecord::line).containsExactly(2L, 5L, 6L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void blankLinesAndRowsOfBlankFieldsAreSkipped(Fixture fixture) {
        String blankFields = ",".repeat(fixture.columns().size() - 1);

        IntakeBatch batch = read(fixture.format(), lines(fixture.header(), "", fixture.goodRow(), blankFields, "  ",
                fixture.goodRow()));

        assertThat(batch.quarantined()).isEmpty();
        assertThat(batch.records()).extracting(CanonicalRecord::line).containsExactly(3L, 6L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void brokenQuotingRejectsTheFileNamingTheLineWhereItStarts(Fixture fixture) {
        IntakeBatch batch = read(fixture.format(), lines(fixture.header(), fixture.goodRow(),
                fixture.rowWithText("\"never closed"), fixture.goodRow()));

        assertThat(batch.records()).isEmpty();
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::field)
                .containsExactly(tuple(3L, QuarantinedRow.WHOLE_RECORD));
        assertThat(batch.rejection()).startsWith("line 3, field (record): not valid CSV from here on: ");
    }
}
