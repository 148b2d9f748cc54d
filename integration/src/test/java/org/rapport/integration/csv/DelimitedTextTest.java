package org.rapport.integration.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.rapport.integration.csv.DelimitedText.MalformedTextException;
import org.rapport.integration.csv.DelimitedText.Row;

/**
 * How delimited text is split into rows: each row knows the character and line where it starts, which is what
 * lets a refused row be quoted exactly as delivered and named by its line.
 */
class DelimitedTextTest {

    @Test
    void eachRowStartsWhereItsTextStartsWhateverTheLineEnds() throws IOException {
        String text = "a,b\r\nc,\"d\ne\"\n\nf,g\rh,i";

        List<Row> rows = rows(text, ',', true);

        assertThat(rows).extracting(Row::toList).containsExactly(
                List.of("a", "b"), List.of("c", "d\ne"), List.of(""), List.of("f", "g"), List.of("h", "i"));
        assertThat(rows).extracting(Row::position).containsExactly(0L, 5L, 13L, 14L, 18L);
        assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 4L, 5L, 6L);
    }

    @Test
    void positionsAndLinesHoldAcrossTheParsersBuffersInALongText() throws IOException {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        List<Long> starts = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        long line = 1;
        for (int row = 0; row < 5_000; row++) {
            starts.add((long) text.length());
            lines.add(line);
            int fields = 1 + random.nextInt(6);
            for (int field = 0; field < fields; field++) {
                if (field > 0) {
                    text.append(',');
                }
                if (random.nextInt(5) == 0) {
                    String lineBreak = random.nextBoolean() ? "\r\n" : "\n";
                    text.append("\"x\"\"").append(lineBreak).append("y\"");
                    line++;
                } else {
                    text.append("v".repeat(random.nextInt(40)));
                }
            }
            text.append(random.nextBoolean() ? "\r\n" : "\n");
            line++;
        }

        List<Row> rows = rows(text.toString(), ',', true);

        assertThat(rows).extracting(Row::position).containsExactlyElementsOf(starts);
        assertThat(rows).extracting(Row::line).containsExactlyElementsOf(lines);
    }

    @Test
    void anUnquotedLayoutTakesQuotesAsText() throws IOException {
        assertThat(rows("\"a\tb\"\t\"c\n", '\t', false)).extracting(Row::toList)
                .containsExactly(List.of("\"a", "b\"", "\"c"));
    }

    @Test
    void aQuoteNeverClosedStopsTheReadingAtTheLineItsRowStarts() throws IOException {
        DelimitedText text = DelimitedText.rfc4180(new StringReader("a,b\n\"c,d\ne,f\n"));

        assertThat(text.next().toList()).containsExactly("a", "b");
        assertThatThrownBy(text::next).isInstanceOf(MalformedTextException.class)
                .hasMessageContaining("closing quote").hasMessageNotContaining("Source:");
        assertThat(text.nextLine()).isEqualTo(2);
    }

    @Test
    @Timeout(60)
    void aQuoteNeverClosedIsGivenUpOnAfterABoundedFieldNotAtTheEndOfAnEndlessText() throws IOException {
        Reader endless = new Reader() {
            private boolean quoted;

            @Override
            public int read(char[] buffer, int offset, int length) {
                Arrays.fill(buffer, offset, offset + length, 'x');
                if (!quoted && length > 0) {
                    buffer[offset] = '"';
                    quoted = true;
                }
                return length;
            }

            @Override
            public void close() {
                // nothing held
            }
        };

        assertThatThrownBy(() -> DelimitedText.rfc4180(endless).next()).isInstanceOf(MalformedTextException.class)
                .hasMessageContaining("length");
    }

    @Test
    void textAfterAClosingQuoteIsNotCsv() throws IOException {
        DelimitedText text = DelimitedText.rfc4180(new StringReader("\"a\"b,c\n"));

        assertThatThrownBy(text::next).isInstanceOf(MalformedTextException.class);
    }

    @Test
    void blanksAfterAClosingQuoteArePassedOver() throws IOException {
        assertThat(rows("\"a\" ,\"b\"\t\n", ',', true)).extracting(Row::toList).containsExactly(List.of("a", "b"));
    }

    @Test
    void theReaderIsLeftOpenForTheCallerToReadToItsEnd() throws IOException {
        StringReader reader = new StringReader("a,b\n");
        DelimitedText text = DelimitedText.rfc4180(reader);
        while (text.next() != null) {
            // read to the end
        }

        assertThat(reader.read()).isEqualTo(-1);
    }

    private static List<Row> rows(String text, char delimiter, boolean quoted) throws IOException {
        DelimitedText rows = DelimitedText.of(new StringReader(text), delimiter, quoted);
        List<Row> read = new ArrayList<>();
        for (Row row = rows.next(); row != null; row = rows.next()) {
            read.add(row);
        }
        return read;
    }
}
