package org.rapport.integration.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The plain date-times read without the formatter, exactly as the strict formatter of their pattern reads them. */
class PlainDateTimeTest {

    private static final DateTimeFormatter PLAIN = FieldConventions.Patterns.of("yyyy-MM-dd HH:mm:ss").formatters()
            .get(0);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    @Test
    void readsWhatTheFormatterReadsAndRefusesWhatItRefuses() {
        for (String text : samples(new Random(20261207), 200_000)) {
            assertReadAsTheFormatterReads(text, ' ', PLAIN);
            assertReadAsTheFormatterReads(text.substring(0, 10) + 'T' + text.substring(11), 'T', ISO);
        }
    }

    /** Whatever is read plainly is what the formatter reads; of the plain length, what is not, it refuses too. */
    private static void assertReadAsTheFormatterReads(String text, char separator, DateTimeFormatter formatter) {
        LocalDateTime plain = PlainDateTime.parse(text, separator);
        LocalDateTime formatted = formatted(formatter, text);
        if (plain != null || text.length() == "yyyy-MM-dd HH:mm:ss".length()) {
            assertThat(plain).as(text).isEqualTo(formatted);
        }
    }

    @Test
    void datesThatDoNotExistAreLeftToTheFormattersAndTheirMessages() {
        assertThat(PlainDateTime.parse("2026-02-29 10:00:00", ' ')).isNull();
        assertThat(PlainDateTime.parse("2024-02-29 10:00:00", ' ')).isEqualTo(LocalDateTime.of(2024, 2, 29, 10, 0));
        assertThat(PlainDateTime.parse("2026-10-01 24:00:00", ' ')).isNull();
        assertThat(PlainDateTime.parse("2026-10-01T07:00:17", ' ')).as("the other separator").isNull();
        assertThat(PlainDateTime.parse("2026-10-01 07:00:17.5", ' ')).as("another layout").isNull();
        assertThat(PlainDateTime.parse("2026-10-01 07:0a:17", ' ')).isNull();
    }

    @Test
    void aSourceWritingThePlainPatternFirstIsReadPlainlyAnyOtherThroughItsFormatters() {
        assertThat(FieldConventions.Patterns.of("yyyy-MM-dd HH:mm:ss").plainSeparator()).isEqualTo(' ');
        assertThat(FieldConventions.Patterns.of(List.of("yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm")).plainSeparator())
                .isEqualTo(' ');
        assertThat(FieldConventions.Patterns.of(List.of("dd/MM/yyyy HH:mm", "yyyy-MM-dd HH:mm:ss")).plainSeparator())
                .as("the first pattern that fits wins: the plain one is not first").isEqualTo((char) 0);
        assertThat(FieldConventions.Patterns.of("yyyy-MM-dd HH:mm").plainSeparator()).isEqualTo((char) 0);
        assertThat(new FieldConventions.Patterns("ISO", List.of(ISO)).plainSeparator()).isEqualTo('T');
    }

    private static LocalDateTime formatted(DateTimeFormatter formatter, String text) {
        try {
            return formatter.parse(text, LocalDateTime::from);
        } catch (DateTimeParseException refused) {
            return null;
        }
    }

    /** Mostly real date-times, with days, hours and characters out of range or out of place. */
    private static List<String> samples(Random random, int count) {
        List<String> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02d %02d:%02d:%02d",
                    random.nextInt(10) == 0 ? random.nextInt(10_000) : 1990 + random.nextInt(60),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62)));
            if (random.nextInt(20) == 0) {
                text.setCharAt(random.nextInt(text.length()), "0123456789-: T/x".charAt(random.nextInt(16)));
            }
            if (random.nextInt(50) == 0) {
                text.append(random.nextBoolean() ? ".5" : "0");
            }
            samples.add(text.toString());
        }
        return samples;
    }
}
