package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A line of the headline KPI table. */
class KpiRowTest {

    private final KpiFormatter formatter = new KpiFormatter();

    @ParameterizedTest(name = "{0} reads {1}")
    @DisplayName("RAG is printed as a word, n/a where no status applies")
    @CsvSource(nullValues = "null", textBlock = """
            GREEN, GREEN
            AMBER, AMBER
            red,   RED
            NONE,  n/a
            null,  n/a
            """)
    void ragWord(String rag, String word) {
        assertThat(RagWord.of(rag)).isEqualTo(word);
    }

    @Test
    @DisplayName("a KPI for one slice of customers names the slice")
    void sliceInLabel() {
        assertThat(KpiRow.of(Snapshots.REACH_LOW_BAND, formatter).getLabel()).isEqualTo("Survey reach (value band: low)");
        assertThat(KpiRow.of(Snapshots.NPS, formatter).getLabel()).isEqualTo("Net Promoter Score");
    }

    @Test
    @DisplayName("a KPI without target or last month says so in words")
    void missingTargetAndPrevious() {
        KpiRow row = KpiRow.of(Snapshots.FCR, formatter);

        assertThat(row.getTarget()).isEqualTo("no target");
        assertThat(row.getPrevious()).isEqualTo("no data");
        assertThat(row.getRag()).isEqualTo("n/a");
    }

    @Test
    @DisplayName("a KPI without data this month keeps its target and last month")
    void noDataThisMonth() {
        KpiRow row = KpiRow.of(Snapshots.REACH_LOW_BAND, formatter);

        assertThat(row.getValue()).isEqualTo("no data");
        assertThat(row.getTarget()).isEqualTo("20.0 %");
        assertThat(row.getPrevious()).isEqualTo("14.2 %");
    }
}
