package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a KPI figure reads in the pack. */
class KpiFormatterTest {

    private final KpiFormatter formatter = new KpiFormatter();

    @ParameterizedTest(name = "{0} {1} reads \"{2}\"")
    @DisplayName("a figure is shown with its unit the way the board reads it")
    @CsvSource(delimiter = '|', textBlock = """
            31.4    | score | 31.4
            -12     | score | -12.0
            12.5    | %     | 12.5 %
            8.24    | min   | 8.2 min
            8.25    | min   | 8.3 min
            4960    | £     | £4,960
            4960.49 | £     | £4,960
            1250000 | £     | £1,250,000
            -120    | £     | -£120
            3       | calls | 3.0 calls
            """)
    void format(String value, String unit, String expected) {
        assertThat(formatter.format(new BigDecimal(value), unit)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a change of {0} {1} reads \"{2}\"")
    @DisplayName("a change against last month carries its sign, and percentages move in points")
    @CsvSource(delimiter = '|', textBlock = """
            8      | score | +8.0
            -2.1   | %     | −2.1 pts
            0.4    | %     | +0.4 pts
            -0.94  | min   | −0.9 min
            1200.4 | £     | +£1,200
            -250   | £     | −£250
            """)
    void change(String change, String unit, String expected) {
        assertThat(formatter.change(new BigDecimal(change), unit)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a missing figure reads \"no data\", not zero, whatever the unit")
    void missingFigure() {
        assertThat(formatter.format(null, "%")).isEqualTo("no data");
        assertThat(formatter.format(null, "£")).isEqualTo("no data");
        assertThat(formatter.format(null, "score")).isEqualTo("no data");
    }

    @Test
    @DisplayName("a zero that was measured is still shown as zero")
    void measuredZero() {
        assertThat(formatter.format(BigDecimal.ZERO, "%")).isEqualTo("0.0 %");
    }

    @Test
    @DisplayName("the server's default locale does not change the figures")
    void independentOfServerLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertThat(formatter.format(new BigDecimal("4960"), "£")).isEqualTo("£4,960");
            assertThat(formatter.format(new BigDecimal("12.5"), "%")).isEqualTo("12.5 %");
            assertThat(CountFormat.of(12_480)).isEqualTo("12,480");
        } finally {
            Locale.setDefault(before);
        }
    }
}
