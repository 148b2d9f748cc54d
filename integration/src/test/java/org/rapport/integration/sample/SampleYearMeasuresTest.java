package org.rapport.integration.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.intake.TransactionalIntake;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;
import org.rapport.engine.kpi.Measurement;
import org.rapport.engine.kpi.MonthlyMeasures;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.testing.ResourceLocalStore;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.filedrop.IntakeFolder;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.SourceBoundaries;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceDefinitions;

/**
 * The whole sample stored through the real intake into the real store (H2, migrated as in the server)
 * and measured month by month as a run measures it: every month of the year has a figure for every KPI
 * measured from the data (the engagement KPIs come from the scoring step of a run, not from here), and
 * October's contact-centre figures are still the README's.
 */
class SampleYearMeasuresTest {

    private static final YearMonth FIRST = SampleDataGenerator.FIRST_MONTH;
    private static final YearMonth OCTOBER = SampleDataGenerator.REPORTING_MONTH;

    private static ResourceLocalStore store;

    @BeforeAll
    static void storeTheSample(@TempDir Path dataDir) throws Exception {
        store = ResourceLocalStore.inMemoryH2("sample-year");
        TransactionalIntake intake = new TransactionalIntake(store, Clock.systemUTC());
        // the order a first start copies them in: customers before what refers to them
        for (IntakeFolder folder : IntakeFolder.canonical()) {
            for (Path file : files(SampleDataIsReproducibleTest.COMMITTED.resolve(folder.name()))) {
                store(intake, folder.format(), file);
            }
        }
        for (SourceDefinition definition : sampleSources(dataDir)) {
            IntakeFormat format = FormatCatalog.standard().bind(definition, CustomerDirectory.NONE);
            for (Path file : files(SampleDataIsReproducibleTest.COMMITTED.resolve(definition.name()))) {
                store(intake, format, file);
            }
        }
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void everyMonthOfTheYearHasAFigureForEveryKpiMeasuredFromTheData() {
        Map<YearMonth, List<String>> withoutFigure = new TreeMap<>();
        for (YearMonth month = FIRST; !month.isAfter(OCTOBER); month = month.plusMonths(1)) {
            Map<String, BigDecimal> overall = overall(month);
            withoutFigure.put(month, measuredCodes().stream().filter(code -> !overall.containsKey(code)).toList());
        }

        assertThat(withoutFigure).hasSize(12).allSatisfy((month, codes) -> assertThat(codes)
                .as("KPIs without a figure in %s", month).isEmpty());
    }

    @Test
    void octobersCallFiguresAreTheOnesTheReadmeQuotes() {
        Map<String, BigDecimal> october = overall(OCTOBER);

        assertThat(october.get(KpiCatalogue.TIME_TO_HUMAN_MEAN)).isEqualByComparingTo("5.37");
        assertThat(october.get(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5)).isEqualByComparingTo("11.32");
        assertThat(october.get(KpiCatalogue.IVR_ABANDONMENT)).isEqualByComparingTo("7.84");
        assertThat(october.get(KpiCatalogue.NPS)).isEqualByComparingTo("-22.76");
        assertThat(october.get(KpiCatalogue.CSAT)).isEqualByComparingTo("48.00");
    }

    @Test
    void octobersFirstContactResolutionAndClosedLoopAreThoseCountedFromTheFiles() throws IOException {
        Map<String, BigDecimal> october = overall(OCTOBER);

        assertThat(october.get(KpiCatalogue.FIRST_CONTACT_RESOLUTION))
                .isEqualByComparingTo(SampleDataFiguresTest.percent(SampleDataFiguresTest.firstContactResolution(OCTOBER)));
        assertThat(october.get(KpiCatalogue.CLOSED_LOOP))
                .isEqualByComparingTo(SampleDataFiguresTest.percent(SampleDataFiguresTest.closedLoop(OCTOBER)));
    }

    /** The catalogue's KPIs a month's measures give; the engagement KPIs come from scoring customers. */
    static List<String> measuredCodes() {
        return KpiCatalogue.all().stream().map(KpiDefinition::code)
                .filter(code -> !KpiCatalogue.ENGAGEMENT_CODES.contains(code)).toList();
    }

    private static Map<String, BigDecimal> overall(YearMonth month) {
        List<Measurement> measured = store.inNewTransaction(
                entityManager -> new MonthlyMeasures(entityManager).measure(ReportingMonth.of(month)));
        return measured.stream().filter(m -> m.dimension().equals(Measurement.OVERALL) && m.value() != null)
                .collect(Collectors.toMap(Measurement::code, Measurement::value, (a, b) -> a, TreeMap::new));
    }

    static void store(TransactionalIntake intake, IntakeFormat format, Path file) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            intake.store(format.read(file.getFileName().toString(), content));
        }
    }

    /** The samples' own source definitions, as a fresh installation loads them once seeded. */
    static List<SourceDefinition> sampleSources(Path dataDir) throws IOException {
        Path sources = Files.createDirectories(dataDir.resolve("sources"));
        for (Path definition : files(SampleDataIsReproducibleTest.COMMITTED.resolve("sources"))) {
            String name = definition.getFileName().toString().replaceFirst("\\.json$", "");
            Files.createDirectories(dataDir.resolve("intake").resolve(name));
            Files.copy(definition, sources.resolve(definition.getFileName()));
        }
        SourceDefinitions loaded = SourceDefinitions.load(sources, FormatCatalog.standard(),
                SourceBoundaries.closed(dataDir));
        assertThat(loaded.problems()).isEmpty();
        return loaded.definitions();
    }

    static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }
}
