package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.LocalDate;
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
import org.rapport.engine.run.SnapshotArchive;
import org.rapport.engine.snapshot.PackNotice;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.SnapshotSections;
import org.rapport.engine.snapshot.TriggerLine;

/** The monthly board pack as the board receives it: a PDF rendered from a run snapshot. */
class BoardPackRendererTest {

    static final Clock GENERATION_TIME =
            Clock.fixed(Instant.parse("2026-11-01T06:30:00Z"), BoardPackRenderer.BOARD_TIME_ZONE);

    // loading the templates takes a second or so: the specifications share one renderer, as production does
    static final BoardPackRenderer RENDERER =
            new BoardPackRenderer(BoardPackRenderer.BOARD_PACK_TEMPLATE, GENERATION_TIME);

    private static RenderedPack october;

    @BeforeAll
    static void renderOctober() {
        october = RenderedPack.of(RENDERER.render(Snapshots.october2026()));
    }

    @Nested
    @DisplayName("for a month with data in every section")
    class RichMonth {

        @Test
        @DisplayName("the sections come in the order of DESIGN.md, each under its heading")
        void sectionOrder() {
            assertThat(october.text).containsSubsequence("Board pack", "Executive summary — October 2026",
                    "What we do well and badly", "Engagement stages and movement", "Voice of the customer",
                    "Retention", "Moments of truth scorecard", "Action points by pillar",
                    "Appendix A — Headline KPIs by value band and segment", "Appendix B — Data, definitions and lineage",
                    "Lineage");
        }

        @Test
        @DisplayName("the cover names the company, the month, the run and when it was measured and generated")
        void cover() {
            assertThat(october.text).contains(Snapshots.COMPANY, "Board pack", "October 2026", "Run 42",
                    "Measured 1 November 2026, 02:00 GMT", "Generated 1 November 2026, 06:30 GMT",
                    "Rule set " + Snapshots.RULE_SET);
        }

        @ParameterizedTest(name = "{0}")
        @DisplayName("each headline tile shows value, RAG as a word, target and last month")
        @CsvSource(delimiter = '|', textBlock = """
                Engagement index             | no data | n/a   | no target | no data
                Net Promoter Score           | 31.4    | AMBER | 35.0      | 29.8
                Churn rate                   | 1.6 %   | AMBER | 1.5 %     | 1.2 %
                Value lost to churn          | £4,960  | GREEN | £5,000    | £5,210
                Time to reach a human (P90)  | 8.2 min | RED   | 6.0 min   | 9.1 min
                First-contact resolution     | 74.0 %  | n/a   | no target | no data
                """)
        void headlineTile(String name, String value, String rag, String target, String lastMonth) {
            assertThat(october.text).contains(name + " " + value + " " + rag + " Target: " + target + " Last month: "
                    + lastMonth);
        }

        @Test
        @DisplayName("the executive summary counts the RAG statuses and explains the trend lines")
        void summary() {
            assertThat(october.text)
                    // the company-wide figures only: the slices by band and segment are graded too, but are not KPIs
                    .contains("Of 8 KPIs graded against a target this month: 1 GREEN, 5 AMBER, 2 RED.")
                    .contains("Trend: Nov 2025 – Oct 2026, each month from its latest published run")
                    // NPS and churn have earlier months, value lost has none
                    .contains("Value lost to churn £4,960 GREEN Target: £5,000 Last month: £5,210 lower is better "
                            + "No earlier published month to draw a trend from.")
                    .doesNotContain("Net Promoter Score 31.4 AMBER Target: 35.0 Last month: 29.8 higher is better No earlier");
        }

        @Test
        @DisplayName("each trend is also given as figures, month by month, a month without a value as no data")
        void trendFigures() {
            assertThat(october.text)
                    .contains("Nov 2025 22.0 · Dec 2025 24.5 · Jan 2026 no data · Feb 2026 25.1 · ")
                    .contains(" · Aug 2026 30.2 · Sept 2026 29.8 · Oct 2026 31.4")
                    .contains("Nov 2025 1.4 % · Dec 2025 1.3 % · ");
        }

        @Test
        @DisplayName("what we do well and badly lists the largest moves, direction-aware")
        void wellAndBadly() {
            assertThat(october.text)
                    .contains("Largest improvements — to reinforce KPI Last month This month Change "
                            + "IVR abandonment 9.9 % 7.8 % −2.1 pts better "
                            + "Time to reach a human (P90) 9.1 min 8.2 min −0.9 min better "
                            + "Net Promoter Score 29.8 31.4 +1.6 better")
                    .contains("Largest declines — to stop or fix KPI Last month This month Change "
                            + "Churn rate 1.2 % 1.6 % +0.4 pts worse");
        }

        @Test
        @DisplayName("engagement stages show this month and last, and the movement between them")
        void stages() {
            assertThat(october.text)
                    .contains("Engagement stages and movement KPI This month Target RAG Last month Sample "
                            + "Engaged customers (regular, loyal, advocate) 48.3 % 50.0 % AMBER 47.5 % 12,000")
                    .contains("12,000 customers scored (customers who consented to analytics); average engagement index 48.6.")
                    .contains("Unengaged 2,100 17.5 % 2,300 Casual 4,050 33.8 % 4,000 Regular 3,200 26.7 % 3,150 "
                            + "Loyal 1,700 14.2 % 1,640 Advocate 950 7.9 % 910")
                    .contains("Since September 2026: 640 customers moved up a stage, 310 moved down, 10,900 stayed, "
                            + "150 scored for the first time.");
        }

        @Test
        @DisplayName("the voice of the customer shows the survey KPIs, reach by value band and scrubbed verbatims")
        void voice() {
            assertThat(october.text)
                    .contains("Customer satisfaction (CSAT) 82.5 % 85.0 % AMBER 81.0 % 2,210")
                    .contains("High 3,000 1,380 46.0 % Medium 5,000 1,600 32.0 % Low 4,400 748 17.0 %")
                    .contains("Reach gap (best band minus worst band): 29.0 pts.")
                    .contains("412 survey comments in October 2026; a few of them:")
                    .contains("“Waited 40 minutes. Call me on [removed] or [removed], my name is [removed], "
                            + "account [removed], customer [removed].” Detractor (NPS 2), call")
                    .contains("“The engineer was on time and explained everything.” Promoter (NPS 10), visit");
        }

        @Test
        @DisplayName("retention shows who left, why against the published baseline, and the value lost")
        void retention() {
            assertThat(october.text)
                    .contains("20 customers left in October 2026, taking £4,960 of annual value with them")
                    .contains("Churn rate 1.6 % 1.5 % AMBER 1.2 % 12,400")
                    .contains("Reason Customers Share Baseline RAG Value lost "
                            + "How they were treated 11 61.1 % 68.0 % GREEN £2,728 Product or service 3 16.7 % 14.0 % AMBER £744 "
                            + "Better offer elsewhere 3 16.7 % 9.0 % RED £744 Serial switchers 1 5.6 % 5.0 % GREEN £248 "
                            + "Stopped using it 0 0.0 % 3.0 % AMBER £0 Died 0 0.0 % 1.0 % n/a £0 "
                            + "Reason not recorded 2 – – £496")
                    .contains("Controllable share (how they were treated + product or service): 77.8 % against 82.0 %");
        }

        @Test
        @DisplayName("the moments-of-truth scorecard grades what is measured and names what is not")
        void momentsOfTruth() {
            assertThat(october.text)
                    .contains("1. Repeating information not measured yet no data")
                    .contains("2. Trapped in self-service Time to reach a human (P90) 8.2 min 6.0 min RED 9.1 min "
                            + "IVR abandonment 7.8 % 5.0 % AMBER 9.9 %")
                    .contains("5. Not my channel not measured yet no data")
                    .contains("Resolution First-contact resolution 74.0 % no target n/a no data "
                            + "Repeat contact within 7 days 12.5 % 10.0 % RED 13.1 %");
        }

        @Test
        @DisplayName("this month's action points come by pillar, each marked new or raised again")
        void actionPoints() {
            assertThat(october.text)
                    .contains("3 action points this month: 2 new, 1 raised again.")
                    .contains("Staff Action Raised Severity Evidence Owner Coach agents on complaint calls New LOW "
                            + "NPS 31.4 against a target of 35. unassigned")
                    .contains("Process Action Raised Severity Evidence Owner Customers asked to identify again New "
                            + "MEDIUM After a transfer, 42% of callers had to give their details a second time. unassigned")
                    .contains("Technology Action Raised Severity Evidence Owner Customers trapped in self-service Again "
                            + "HIGH 31% of calls that wanted an agent took longer than 9.5 minutes to reach one. unassigned");
        }

        @Test
        @DisplayName("last month's actions show the team's status and, beside it, whether the data still fires")
        void lastMonthsActions() {
            assertThat(october.text)
                    .contains("Last month's actions (September 2026): the team's status and what the data says "
                            + "Of September 2026's 3 action points, 2 no longer fire in October 2026 and 1 still fires. "
                            + "1 marked done still fires: the fix has not shown in the figures yet.")
                    .contains("Action Pillar Severity Owner Status Data this month "
                            + "Call back customers at risk Process HIGH Retention team Done No longer firing "
                            + "Shorten the IVR menu Technology HIGH Contact centre Done Still firing "
                            + "Open the contact centre on Sundays Staff LOW unassigned Dropped No longer firing")
                    .contains("Status: as the CCO's team had recorded it when this pack was generated.");
        }

        @ParameterizedTest(name = "{0}: {1}, target {2}, {3}, last month {4}")
        @DisplayName("the appendix lists each company-wide KPI with its value, target, RAG as a word and last month")
        @CsvSource(delimiter = '|', textBlock = """
                Net Promoter Score             | 31.4    | 35.0      | AMBER | 29.8    | 1,840
                Customer satisfaction (CSAT)   | 82.5 %  | 85.0 %    | AMBER | 81.0 %  | 2,210
                Repeat contact within 7 days   | 12.5 %  | 10.0 %    | RED   | 13.1 %  | 9,412
                Time to reach a human (P90)    | 8.2 min | 6.0 min   | RED   | 9.1 min | 3,305
                Value lost to churn            | £4,960  | £5,000    | GREEN | £5,210  | 20
                First-contact resolution       | 74.0 %  | no target | n/a   | no data | 9,412
                """)
        void kpiLine(String name, String value, String target, String rag, String lastMonth, String sample) {
            assertThat(october.text).contains(String.join(" ", name, value, target, rag, lastMonth, sample));
        }

        @Test
        @DisplayName("the appendix's KPI table leaves the slices out and says where they are")
        void appendixOverallOnly() {
            String table = between(october.text, "KPI values of the run (company-wide)", "RAG against the target");

            // a slice would read e.g. "Net Promoter Score (value band: high) 42.0"
            assertThat(table).doesNotContain("(value band", "(segment", " 42.0 ", " 0.8 % ")
                    .contains("Net Promoter Score 31.4 35.0 AMBER 29.8 1,840");
            assertThat(october.text).contains("Company-wide figures. The run also stored 15 figures by segment, value band, channel or "
                            + "engagement: the headline ones are in Appendix A, all of them in the API "
                            + "(GET /api/runs/42/kpis/{code}/breakdowns).");
        }

        @Test
        @DisplayName("Appendix A sets the headline KPIs by value band and by segment beside the company-wide figure")
        void breakdowns() {
            assertThat(october.text)
                    .contains("By value band KPI Overall High Medium Low "
                            + "Engagement index no data no data no data no data "
                            + "Net Promoter Score 31.4 42.0 30.5 12.0* "
                            + "Survey reach no data 46.0 % 32.0 % no data "
                            + "Churn rate 1.6 % 0.8 % 1.4 % 2.6 % "
                            + "Value lost to churn £4,960 no data no data no data")
                    .contains("* fewer than 30 observations: read with care.")
                    .contains("By segment KPI Overall Month-to-month One-year Two-year "
                            + "Engagement index no data no data no data no data "
                            + "Net Promoter Score 31.4 18.0 35.2 47.9 "
                            + "Survey reach no data no data no data no data "
                            + "Churn rate 1.6 % 3.1 % 0.9 % 0.4 %");
        }

        @Test
        @DisplayName("the appendix shows data coverage per source, quarantine by field and the KPI definitions")
        void coverageAndDefinitions() {
            assertThat(october.text)
                    .contains("Customers (CRM) 1 12,480 3 Purchases none received – – Service cases none received – – "
                            + "Calls (IVR / contact centre) 1 48,211 0 Survey responses none received – –")
                    .contains("Customers (CRM) annual_value 2 Customers (CRM) (record) 1")
                    .contains("KPI (code) Definition Unit Better Applies to")
                    .contains("Churn rate CHURN_RATE Customers lost in the month as a share of customers active at "
                            + "its start; lower is better % lower Overall; segment, value band")
                    .contains("Net Promoter Score NPS % promoters (9–10) minus % detractors (0–6) among NPS answers "
                            + "given in the month; −100..100, higher is better score higher Overall; segment, value band, "
                            + "channel")
                    .contains("Survey reach gap SURVEY_REACH_GAP Survey reach of the best-reached value band minus "
                            + "that of the worst-reached; lower is better points lower Overall only")
                    .contains("Leavers: treatment CHURN_SHARE_TREATMENT Share of the month's leavers with a known reason "
                            + "who left for this one, against the published baseline % – Overall only")
                    .contains("FIRST_CONTACT_RESOLUTION");
        }

        @Test
        @DisplayName("the lineage names the run, the rule-set version with its checksum and each file with its full SHA-256")
        void lineage() {
            assertThat(october.text)
                    .contains("Run 42, measured 1 November 2026, 02:00 GMT, evaluated with rule set " + Snapshots.RULE_SET)
                    .contains("Rule-set SHA-256: " + Snapshots.RULE_SET_SHA)
                    .contains(Snapshots.CRM_SHA + " 12,480 3")
                    .contains(Snapshots.IVR_SHA + " 48,211 0")
                    .contains("crm-customers-2026-10.csv", "ivr-calls-2026-10.csv");
        }

        @Test
        @DisplayName("a KPI without data this month reads \"no data\", never a zero")
        void kpiWithoutData() {
            assertThat(october.text)
                    .contains("Survey reach (value band: low) no data ")
                    .doesNotContainPattern("Survey reach \\(value band: low\\) 0");
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
        @DisplayName("the PDF's metadata names the month")
        void metadata() {
            assertThat(october.title).isEqualTo("Rapport board pack — October 2026");
            assertThat(october.subject).isEqualTo(Snapshots.COMPANY + " board pack, October 2026");
            assertThat(october.keywords).contains("2026-10");
        }

        @Test
        @DisplayName("every page is A4 portrait, the cover a page of its own, every other page numbered")
        void pages() {
            assertThat(october.pageSizes).allSatisfy(size -> assertThat(size).isEqualTo("595x842"));
            assertThat(october.pages).isBetween(7, 11);
            assertThat(october.text).contains("Page " + october.pages + " of " + october.pages)
                    .containsSubsequence("The pack contains no personal data. Executive summary", "Page 2 of")
                    .doesNotContain("Page 1 of");
        }
    }

    @Test
    @DisplayName("a month with no data renders, each section saying so instead of showing zeros")
    void monthWithNoData() {
        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.emptyMonth()));

        assertThat(pack.text).contains(Snapshots.COMPANY, "November 2026",
                "No KPI was graded against a target this month.",
                "Engagement index no data n/a Target: no target Last month: no data",
                "Net Promoter Score no data n/a",
                "No earlier published month to draw a trend from.",
                "No data to compare: no KPI has both a figure for November 2026 and one for October 2026",
                "No engagement KPIs were recorded for this run.",
                "No engagement scores for this month",
                "No voice-of-the-customer KPIs were recorded for this run.",
                "No data for reach by value band: no customer was active at the end of November 2026.",
                "No survey comments were given in November 2026.",
                "No data for retention: the run recorded no churn figures and no customer left in November 2026.",
                "1. Repeating information not measured yet no data",
                "No action points for staff this month.",
                "No action points for process this month.",
                "No action points for technology this month.",
                "No data: October 2026 has no published run, so there are no earlier actions to follow up.",
                "By value band No data: the run stored no headline KPI by value band.",
                "By segment No data: the run stored no headline KPI by segment.",
                "No record of this run's files was quarantined.",
                "No KPI values were recorded for this run.",
                "No source batches were recorded for this run.",
                "evaluated with rule set " + Snapshots.RULE_SET);
        // nothing was measured, so no figure may appear as if it had been
        assertThat(pack.text).doesNotContainPattern("(?<![\\d.,])0\\.0 ?(%|pts|min)")
                .doesNotContain("£0", " 0 customers", "0 survey comments");
        assertThat(pack.title).isEqualTo("Rapport board pack — November 2026");
    }

    @Test
    @DisplayName("a month missing some sources says, for each KPI without a figure, which records it lacked")
    void monthWithMissingSources() {
        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.monthWithoutAnswersOrCases()));

        // the headline tiles: the reason replaces "higher/lower is better" under a figure that is not there
        assertThat(pack.text).contains(
                "Net Promoter Score no data n/a Target: no target Last month: no data No data: no survey answers in the"
                        + " month",
                "First-contact resolution no data n/a Target: no target Last month: no data No data: no service cases"
                        + " in the month");
        // every company-wide KPI without a figure, with its reason, under the grading summary
        assertThat(pack.text).contains("No data this month, and why — ")
                .contains("Net Promoter Score: no survey answers in the month",
                        "Customer satisfaction: no survey answers in the month",
                        "First-contact resolution: no service cases in the month",
                        "Detractors contacted back within 2 working days: no survey answers in the month and no service"
                                + " cases in the month");
        // figures resting on calls or customers have a value, so they are not listed
        assertThat(pack.text).doesNotContain("Churn rate: no", "IVR abandonment: no", "Cost to serve: no");
    }

    @Test
    @DisplayName("a month without triggers says so under each pillar")
    void noTriggers() {
        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.october2026WithTriggers(List.of())));

        assertThat(pack.text).contains("No action points for staff this month.",
                "No action points for technology this month.").doesNotContain("Customers trapped in self-service HIGH");
    }

    @Test
    @DisplayName("evidence is printed exactly as stored, markup-like characters included")
    void evidenceVerbatim() {
        String evidence = "Comment on survey 7: \"Asked for my details — twice! <b>Fix it</b> & don't "
                + "make me wait 12'30\".\" Score 2/10.";
        TriggerLine trigger = TriggerLine.open("VERBATIM", "Repeated identification", "PROCESS", "HIGH", evidence);

        RenderedPack pack = RenderedPack.of(RENDERER.render(Snapshots.october2026WithTriggers(List.of(trigger))));

        assertThat(pack.text).contains(evidence);
    }

    @Test
    @DisplayName("rendering the same snapshot again, even with another renderer, gives the same text")
    void reproducible() {
        String first = RenderedPack.of(RENDERER.render(Snapshots.october2026())).text;
        String second = RenderedPack.of(new BoardPackRenderer(BoardPackRenderer.BOARD_PACK_TEMPLATE, GENERATION_TIME)
                .render(Snapshots.october2026())).text;

        assertThat(second).isEqualTo(first).isEqualTo(october.text);
    }

    @Test
    @DisplayName("a pack re-issued from its archived snapshot prints the statuses and follow-ups it was published with")
    void reissuedFromArchive() {
        RunSnapshot archived = SnapshotArchive.fromJson(SnapshotArchive.toJson(Snapshots.october2026()));

        String reissued = RenderedPack.of(RENDERER.render(archived)).text;

        assertThat(reissued).isEqualTo(october.text)
                .contains("Shorten the IVR menu Technology HIGH Contact centre Done Still firing");
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
                assertThat(RenderedPack.of(pack.get()).text).isEqualTo(october.text);
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

    @Test
    @DisplayName("last month's actions this month's run did not look at are marked not checked, not guessed")
    void lastMonthNotFollowedUp() {
        TriggerLine unchecked = new TriggerLine("CHURN_ABOVE_TARGET", "Call back customers at risk", "PROCESS", "HIGH",
                "Churn 1.2%.", "Retention team", "IN_PROGRESS", 17L, null, null);
        RunSnapshot month = Snapshots.october2026();
        List<TriggerLine> thisMonth = month.triggers().stream().map(trigger -> trigger.raised(null)).toList();
        RunSnapshot notFollowedUp = new RunSnapshot(month.runId(), month.month(), month.companyName(),
                month.ruleSetVersion(), month.measuredAt(), month.kpis(), thisMonth, month.sourceBatches(),
                month.headlines(), month.movements(), month.engagement(), month.voice(), month.retention(),
                month.momentsOfTruth(), SnapshotSections.actionPoints(month.month(), thisMonth, true, List.of(unchecked)),
                month.appendix(), month.notice());

        String text = RenderedPack.of(RENDERER.render(notFollowedUp)).text;

        assertThat(text).contains("3 action points this month.")
                .contains("Coach agents on complaint calls – LOW")
                .contains("Of September 2026's 1 action point, none was checked against October 2026's data.")
                .contains("Call back customers at risk Process HIGH Retention team In progress Not checked");
    }

    @Test
    @DisplayName("a revised pack says so on its cover, with the date, the pack it replaces and what changed")
    void revisedCover() {
        RunSnapshot revised = Snapshots.october2026().withNotice(new PackNotice(new PackNotice.Revision(40,
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 20), List.of("Net Promoter Score: 12.5 → 14.5 (RAG AMBER → GREEN)",
                "Trigger added: Call back customers at risk (CHURN_HIGH)")), null));

        RenderedPack pack = RenderedPack.of(RENDERER.render(revised));

        assertThat(between(pack.text, "REVISED", "Customer engagement")).contains(
                "REVISED 20 November 2026 (run 42) — replaces the pack of run 40 published 2 November 2026. What changed:",
                "Net Promoter Score: 12.5 → 14.5 (RAG AMBER → GREEN)",
                "Trigger added: Call back customers at risk (CHURN_HIGH)");
        assertThat(pack.pages).isEqualTo(october.pages);
        assertThat(october.text).doesNotContain("REVISED", "INCOMPLETE DATA", "[incomplete data]");
    }

    @Test
    @DisplayName("a pack published without complete data says what was missing on its cover and marks each affected figure")
    void incompleteCover() {
        RunSnapshot incomplete = Snapshots.october2026().withNotice(new PackNotice(null, new PackNotice.Incomplete(
                "admin", List.of("file-drop/calls: records only through 2026-10-20; needs records through 2026-10-31"),
                List.of("IVR_ABANDONMENT", "TIME_TO_HUMAN_MEAN"))));

        String text = RenderedPack.of(RENDERER.render(incomplete)).text;

        assertThat(between(text, "INCOMPLETE DATA", "Customer engagement")).contains(
                "published on the instruction of an operator (admin) before all the month's data had arrived.",
                "file-drop/calls: records only through 2026-10-20; needs records through 2026-10-31");
        assertThat(text).contains("IVR abandonment [incomplete data]")
                .doesNotContain("Net Promoter Score [incomplete data]");
    }

        /** The text from {@code start} up to {@code end}. */
    static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        int to = text.indexOf(end, from);
        assertThat(to).as(end).isPositive();
        return text.substring(from, to);
    }
}
