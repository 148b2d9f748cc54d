package org.rapport.bench.month;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The regression guard of issue 12: a medium month — 20,000 customers, 200,000 calls in two call-centre
 * formats, 6,000 survey answers in two survey formats — dropped as files on the real server (the bootable
 * jar, on its embedded default database), stored, run and published, and every figure of the pack held
 * against DuckDB's reading of the same files. It asserts that the month completes and what it says, never
 * how long it took: the times are printed for whoever reads the build log.
 */
class MediumMonthIT {

    private static final int CUSTOMERS = 20_000;
    /** One bank call in a hundred a row the intake must quarantine (the switch's own {@code PHANTOM} calls). */
    private static final double BAD_CALLS = 0.01;

    @Test
    void aMediumMonthFromFilesToPublishedPackAgreesWithDuckDbFigureByFigure() throws Exception {
        MonthBenchmark.Outcome outcome = MonthBenchmark.measure(new MonthBenchmark.Options(CUSTOMERS, "h2",
                YearMonth.of(2026, 10), 2026, Path.of("target", "medium-month").toAbsolutePath(),
                Path.of(System.getProperty("rapport.bootable.jar")), Integer.getInteger("rapport.guard.port.offset"),
                "2g", Duration.ofMinutes(30), BAD_CALLS, Map.of()));
        MonthBenchmark.report(outcome);

        assertThat(outcome.result().status())
                .as("the month's run (failure: %s)", outcome.result().failure())
                .isEqualTo("PUBLISHED");
        assertThat(outcome.result().packBytes()).as("the published pack's size").isPositive();
        assertThat(outcome.result().intake()).as("the five files in the intake ledger")
                .hasSize(5)
                .allSatisfy(intake -> assertThat(intake.status()).isEqualTo("ACCEPTED"));
        Map<Boolean, Long> bankRows;
        try (Stream<String> lines = Files.lines(outcome.files().bankCalls())) {
            bankRows = lines.skip(1).collect(Collectors.partitioningBy(line -> line.contains("\tPHANTOM\t"),
                    Collectors.counting()));
        }
        long phantoms = bankRows.get(true);
        long bankCalls = phantoms + bankRows.get(false);
        assertThat((double) phantoms / bankCalls).as("the share of bad rows in the bank's file")
                .isBetween(BAD_CALLS * 0.8, BAD_CALLS * 1.2);
        assertThat(outcome.result().intake()).as("every bad row of the bank's file quarantined, no other")
                .filteredOn(intake -> intake.source().equals(SyntheticMonth.BANK_IVR))
                .singleElement().satisfies(bank -> assertThat(bank.quarantined()).isEqualTo(phantoms));

        FigureComparison comparison = outcome.comparison();
        assertThat(comparison.pairs()).as("figures DuckDB worked out, overall and by slice").hasSizeGreaterThan(100);
        List<String> disagreements = comparison.disagreements().stream()
                .map(pair -> pair.duckDb().key() + ": DuckDB " + pair.duckDb().value() + " (n "
                        + pair.duckDb().sampleSize() + "), Rapport "
                        + (pair.rapport() == null ? "none" : pair.rapport().value() + " (n "
                                + pair.rapport().sampleSize() + ")"))
                .toList();
        assertThat(disagreements).as("figures where Rapport's pack and DuckDB differ").isEmpty();
        assertThat(outcome.floor())
                .as("the calls DuckDB counted to a human overall: every customer's calls, not a sample")
                .anySatisfy(figure -> {
                    assertThat(figure.code()).isEqualTo("TIME_TO_HUMAN_MEAN");
                    assertThat(figure.dimension()).isEqualTo(Figure.OVERALL);
                    assertThat(figure.sampleSize()).isGreaterThan(CUSTOMERS * 3L);
                });
    }
}
