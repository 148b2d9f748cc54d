package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.contact.CallOutcome;

/**
 * The rows of a chunk in COPY's text format, written a piece at a time as the driver reads: whatever size the
 * driver's reads, it gets every row once, whole, in order, escaped, and then the end.
 */
class CopyTextTest {

    @Test
    void writesEachRowOnALineWithTabsBetweenFieldsNullsAsBackslashNAndEscapes() throws IOException {
        List<Object[]> rows = List.<Object[]>of(
                new Object[] {1L, "tab\there", null, CallOutcome.ANSWERED},
                new Object[] {2L, "back\\slash and\r\nbreak", true, null});

        String text = readAll(new StagedRows.CopyText(rows), 8192);

        assertThat(text).isEqualTo("1\ttab\\there\t\\N\tANSWERED\n"
                + "2\tback\\\\slash and\\r\\nbreak\ttrue\t\\N\n");
    }

    @Test
    void writesNumbersFlagsAndTimesAsTheDatabaseReadsThemBackAndEscapesAtEitherEndOfAText() throws IOException {
        LocalDateTime startedAt = LocalDateTime.of(2026, 10, 2, 9, 0);
        List<Object[]> rows = List.<Object[]>of(new Object[] {42, 7_000_000_000L, false, startedAt, "\\key\t",
            "plain"});

        String text = readAll(new StagedRows.CopyText(rows), 8192);

        String utcWallTime = startedAt.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        assertThat(text).isEqualTo("42\t7000000000\tfalse\t" + utcWallTime + "\t\\\\key\\t\tplain\n");
    }

    @Test
    void readsTheSameTextHoweverSmallOrLargeTheDriversReadsAre() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (int row = 0; row < 5_000; row++) {
            rows.add(new Object[] {(long) row, "customer-" + row, row % 7 == 0 ? null : "call\t" + row});
        }

        String whole = readAll(new StagedRows.CopyText(rows), 1 << 20);
        String inSmallReads = readAll(new StagedRows.CopyText(rows), 7);
        String inDriverSizedReads = readAll(new StagedRows.CopyText(rows), 65_536);

        assertThat(whole.length()).isGreaterThan(3 * StagedRows.COPY_TEXT_PIECE);
        assertThat(whole.split("\n", -1)).hasSize(5_001).startsWith("0\tcustomer-0\t\\N", "1\tcustomer-1\tcall\\t1")
                .endsWith("4999\tcustomer-4999\tcall\\t4999", "");
        assertThat(inSmallReads).isEqualTo(whole);
        assertThat(inDriverSizedReads).isEqualTo(whole);
    }

    @Test
    void noRowsIsAnEmptyText() throws IOException {
        try (Reader text = new StagedRows.CopyText(List.of())) {
            assertThat(text.read(new char[16], 0, 16)).isEqualTo(-1);
        }
    }

    private static String readAll(Reader text, int readSize) throws IOException {
        StringBuilder read = new StringBuilder();
        char[] buffer = new char[readSize];
        int count;
        while ((count = text.read(buffer, 0, readSize)) != -1) {
            assertThat(count).isPositive();
            read.append(buffer, 0, count);
        }
        assertThat(text.read(buffer, 0, readSize)).isEqualTo(-1);
        return read.toString();
    }
}
