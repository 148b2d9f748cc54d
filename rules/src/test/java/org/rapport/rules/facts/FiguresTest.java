package org.rapport.rules.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest(name = "{0} {1} is shown as {2} and quoted as {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2.65    | %     | 2.7  | 2.7
            2.64    | %     | 2.6  | 2.6
            7.85    | %     | 7.9  | 7.9
            234.05  | s     | 234.1| 234.1
            12.04   | min   | 12.0 | 12
            -8.25   | score | -8.3 | -8.3
            0.04    | %     | 0.0  | 0
            4960.50 | £     | 4961 | 4961
            80      | %     | 80.0 | 80
            """)
    @DisplayName("one rounding for every place a figure is read: one decimal, money in whole pounds, halves up")
    void roundsHalfUp(String value, String unit, String shown, String quoted) {
        assertThat(Figures.shown(new BigDecimal(value), unit)).isEqualByComparingTo(shown);
        assertThat(Figures.quoted(new BigDecimal(value), unit)).isEqualTo(quoted);
    }

    @Test
    @DisplayName("no figure is shown as no figure, never as 0")
    void noData() {
        assertThat(Figures.shown(null, "%")).isNull();
        assertThat(Figures.quoted(null, "%")).isEqualTo("no data");
    }

    @Test
    @DisplayName("a KPI without a value cannot be graded, whatever a rule tries")
    void absentFiguresAreNeverGraded() {
        Kpi noData = new Kpi("CLOSED_LOOP", Kpi.OVERALL, null, new BigDecimal("75"), "%");

        assertThatThrownBy(() -> noData.setRag(Rag.RED)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CLOSED_LOOP [overall] has no data");
        noData.setRag(Rag.NONE);
        assertThat(noData.getRag()).isEqualTo(Rag.NONE);
    }
}
