package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.engine.run.PackRenderingException;
import org.rapport.engine.snapshot.TriggerLine;

/** The monthly board pack as the board receives it: a PDF rendered from a run snapshot. */
class BoardPackRendererTest {

    private static final Clock GENERATION_TIME =
            Clock.fixed(Instant.parse("2026-11-01T06:30:00Z"), BoardPackRenderer.BOARD_TIME_ZONE);

    // compiling the template takes a second or so: the specifications share one renderer, as production does
    private static final BoardPackRenderer RENDERER =
            new BoardPackRenderer(BoardPackRenderer.BOARD_PACK_TEMPLATE, GENERATION_TIME);

    private static RenderedPack october;

    @BeforeAll
    static void renderOctober() {
        october = RenderedPack.of(RENDERER.render(Snapshots.october2026()));
    }

    @Nested
    @DisplayName("for a typical month")
    class TypicalMonth {

        @Test
        @DisplayName("the cover names the company, the month, the run and when it was measured and generated")
        void cover() {
            assertThat(october.text).contains(Snapshots.COMPANY, "Board pack", "October 2026", "Run 42",
                    "Measured 1 November 2026, 02:00 GMT", "Generated 1 November 2026, 06:30 GMT");
        }

        @ParameterizedTest(name = "{0}: {1}, target {2}, {3}, last month {4}")
        @DisplayName("each headline KPI shows its value with unit, target, RAG as a word and last month")
        @CsvSource(delimiter = '|', textBlock = """
                Net Promoter Score             | 31.4    | 35.0      | AMBER | 29.8    | 1,840
                Customer satisfaction (CSAT)   | 82.5 %  | 85.0 %    | AMBER | 81.0 %  | 2,210
                Repeat contact within 7 days   | 12.5 %  | 10.0 %    | RED   | 13.1 %  | 9,412
                Time to reach a human          | 8.2 min | 6.0 min   | RED   | 9.1 min | 3,305
                Value lost to churn            | £4,960  | £5,000    | GREEN | £5,210  | 20
                First-contact resolution       | 74.0 %  | no target | n/a   | no data | 9,412
                Survey reach (value band: low) | no data | 20.0 %    | n/a   | 14.2 %  | 0
                """)
        void headlineKpi(String name, String value, String target, String rag, String lastMonth, String sample) {
            assertThat(october.text).contains(String.join(" ", name, value, target, rag, lastMonth, sample));
        }

        @Test
        @DisplayName("a KPI without data this month reads \"no data\", never a zero")
        void kpiWithoutData() {
            assertThat(october.text)
                    .contains("Survey reach (value band: low) no data ")
                    .doesNotContainPattern("Survey reach \\(value band: low\\) 0")
                    // no figure anywhere in the fixture is a measured zero, so none may appear
                    .doesNotContainPattern("(?<![\\d.,])0\\.0 %");
        }

        @Test
        @DisplayName("each improvement trigger shows its title, pillar, severity and evidence")
        void triggers() {
            assertThat(october.text)
                    .contains("Customers trapped in self-service technology HIGH "
                            + "31% of calls that wanted an agent took longer than 9.5 minutes to reach one.")
                    .contains("Customers asked to identify again process MEDIUM "
                            + "After a transfer, 42% of callers had to give their details a second time.")
                    .doesNotContain("No improvement triggers were raised this month.");
        }

        @Test
        @DisplayName("the lineage names the rule-set version and each source file with the start of its checksum and row counts")
        void lineage() {
            assertThat(october.text)
                    .contains("evaluated with rule set " + Snapshots.RULE_SET)
                    .contains("crm crm-customers-2026-10.csv " + Snapshots.CRM_SHA.substring(0, 12) + "… 12,480 3")
                    .contains("ivr ivr-calls-2026-10.csv " + Snapshots.IVR_SHA.substring(0, 12) + "… 48,211 0")
                    .doesNotContain(Snapshots.CRM_SHA.substring(0, 13));
        }

        @Test
        @DisplayName("the percentage KPIs are charted against their targets")
        void chart() {
            // the chart is drawn as vector art, so its labels are not text; its heading is
            assertThat(october.text).contains("Percentage KPIs against target")
                    .doesNotContain("No percentage KPI had data this month.");
        }

        @Test
        @DisplayName("every font in the PDF is embedded, so it prints the same on any machine")
        void fontsEmbedded() {
            assertThat(october.fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }

        @Test
        @DisplayName("the PDF's title metadata names the month")
        void title() {
            assertThat(october.title).isEqualTo("Rapport board pack — October 2026");
        }

        @Test
        @DisplayName("the cover is a page of its own")
        void coverPage() {
            assertThat(october.pages).isEqualTo(2);
            assertThat(october.text).contains("Page 2 of 2");
        }
    }

    @Test
    @DisplayName("a month without triggers says that none were raised")
    void noTriggers() {
        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.october2026WithTriggers(List.of())));

        assertThat(pack.text).contains("No improvement triggers were raised this month.")
                .doesNotContain("Customers trapped in self-service");
    }

    @Test
    @DisplayName("evidence is printed exactly as stored, markup-like characters included")
    void evidenceVerbatim() {
        String evidence = "Comment on survey 7: \"Asked for my account number — twice! <b>Fix it</b> & don't "
                + "make me wait 12'30\".\" Score 2/10.";
        TriggerLine trigger = new TriggerLine("VERBATIM", "Repeated identification", "process", "HIGH", evidence);

        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.october2026WithTriggers(List.of(trigger))));

        assertThat(pack.text).contains(evidence);
    }

    @Test
    @DisplayName("a month with no percentage KPI data says so instead of drawing an empty chart")
    void noChartData() {
        RenderedPack pack = RenderedPack.of(RENDERER.render(
                Snapshots.october2026WithKpis(List.of(Snapshots.NPS, Snapshots.REACH_LOW_BAND))));

        assertThat(pack.text).contains("No percentage KPI had data this month.");
    }

    @Test
    @DisplayName("an empty month still renders, each section saying it has nothing to show")
    void emptyMonth() {
        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.emptyMonth()));

        assertThat(pack.text).contains(Snapshots.COMPANY, "November 2026",
                "No KPI values were recorded for this run.",
                "No percentage KPI had data this month.",
                "No improvement triggers were raised this month.",
                "No source batches were recorded for this run.",
                "evaluated with rule set " + Snapshots.RULE_SET);
        assertThat(pack.title).isEqualTo("Rapport board pack — November 2026");
    }

    @Test
    @DisplayName("one renderer serves runs rendering at the same time")
    void concurrentRenders() throws Exception {
        BoardPackRenderer fresh = new BoardPackRenderer(BoardPackRenderer.BOARD_PACK_TEMPLATE, GENERATION_TIME);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<byte[]>> packs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                packs.add(pool.submit(() -> fresh.render(Snapshots.october2026())));
            }
            for (Future<byte[]> pack : packs) {
                assertThat(RenderedPack.of(pack.get()).text).contains("Net Promoter Score 31.4");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    @DisplayName("when rendering fails")
    class Failures {

        @Test
        @DisplayName("a template that is not on the class path surfaces as PackRenderingException naming it")
        void missingTemplate() {
            BoardPackRenderer renderer = new BoardPackRenderer("/org/rapport/reports/no-such-pack.jrxml", GENERATION_TIME);

            PackRenderingException error = catchThrowableOfType(PackRenderingException.class,
                    () -> renderer.render(Snapshots.october2026()));

            assertThat(error).hasMessageContaining("run 42").hasMessageContaining("no-such-pack.jrxml")
                    .hasMessageContaining("not on the class path");
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("a template that does not compile surfaces as PackRenderingException with the compiler's reason")
        @CsvSource(textBlock = """
                unknown-field.jrxml,      NO_SUCH_PARAMETER
                misspelt-attribute.jrxml, colour
                """)
        void brokenTemplate(String template, String reason) {
            BoardPackRenderer renderer = new BoardPackRenderer("/org/rapport/reports/broken/" + template, GENERATION_TIME);

            PackRenderingException error = catchThrowableOfType(PackRenderingException.class,
                    () -> renderer.render(Snapshots.october2026()));

            assertThat(error).hasMessageContaining(template).hasMessageContaining("could not be compiled")
                    .hasMessageContaining(reason);
        }

        @Test
        @DisplayName("a failure while filling surfaces as PackRenderingException, not as a partial PDF")
        void fillFailure() {
            BoardPackRenderer renderer = new BoardPackRenderer("/org/rapport/reports/broken/fails-when-filled.jrxml",
                    GENERATION_TIME);

            PackRenderingException error = catchThrowableOfType(PackRenderingException.class,
                    () -> renderer.render(Snapshots.october2026()));

            assertThat(error).hasMessageContaining("Board pack for run 42 (2026-10) could not be rendered");
        }

        @Test
        @DisplayName("no snapshot is a PackRenderingException too")
        void noSnapshot() {
            assertThat(catchThrowableOfType(PackRenderingException.class, () -> RENDERER.render(null)))
                    .hasMessageContaining("No run snapshot");
        }
    }
}
