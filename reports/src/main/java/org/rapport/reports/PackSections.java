package org.rapport.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rapport.engine.kpi.Breakdown;
import org.rapport.engine.snapshot.ActionPoints;
import org.rapport.engine.snapshot.Appendix;
import org.rapport.engine.snapshot.EngagementStages;
import org.rapport.engine.snapshot.HeadlineTile;
import org.rapport.engine.snapshot.KpiDirection;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.KpiMovement;
import org.rapport.engine.snapshot.KpiTraits;
import org.rapport.engine.snapshot.MomentOfTruthLine;
import org.rapport.engine.snapshot.Movements;
import org.rapport.engine.snapshot.Retention;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.SnapshotSections;
import org.rapport.engine.snapshot.TrendPoint;
import org.rapport.engine.snapshot.VoiceOfCustomer;
import org.rapport.rules.facts.Figures;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * What each section template is filled with, made from one run snapshot: its parameters (sentences
 * already worded, figures already formatted, lists as collections of rows) and its data source. All
 * wording and number formatting happens here, in plain Java the tests pin down, so the templates only
 * lay text out — and a section with nothing to show gets a sentence saying so instead of zeros.
 *
 * <p>Rows are maps (JRMapCollectionDataSource) keyed by the field names the templates declare.
 */
final class PackSections {

    /** Parameters and data source for one section. Data sources are single-use: one instance per fill. */
    record Content(Map<String, Object> parameters, JRDataSource data) {
    }

    // the zone name is printed because a run near midnight otherwise looks like it belongs to another day
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.UK);

    static final String THIS_MONTH = "This month";
    static final String LAST_MONTH = "Last month";
    static final String BASELINE = "Published baseline";

    private final RunSnapshot snapshot;
    private final KpiFormatter formatter = new KpiFormatter();
    private final String monthLabel;
    private final String lastMonthLabel;
    private final ZoneId zone;

    private PackSections(RunSnapshot snapshot, ZoneId zone) {
        this.snapshot = snapshot;
        this.zone = zone;
        this.monthLabel = PackWording.month(snapshot.month());
        this.lastMonthLabel = PackWording.month(snapshot.month().minusMonths(1));
    }

    static Map<PackSection, Content> of(RunSnapshot snapshot, Instant generatedAt, ZoneId zone) {
        PackSections sections = new PackSections(IncompleteDataMarks.apply(snapshot), zone);
        Map<PackSection, Content> contents = new EnumMap<>(PackSection.class);
        contents.put(PackSection.COVER, sections.cover(generatedAt));
        contents.put(PackSection.EXECUTIVE_SUMMARY, sections.executiveSummary());
        contents.put(PackSection.WELL_AND_BADLY, sections.wellAndBadly());
        contents.put(PackSection.ENGAGEMENT_STAGES, sections.engagementStages());
        contents.put(PackSection.VOICE_OF_THE_CUSTOMER, sections.voiceOfTheCustomer());
        contents.put(PackSection.RETENTION, sections.retention());
        contents.put(PackSection.MOMENTS_OF_TRUTH, sections.momentsOfTruth());
        contents.put(PackSection.ACTION_POINTS, sections.actionPoints());
        contents.put(PackSection.KPI_BREAKDOWNS, sections.kpiBreakdowns());
        contents.put(PackSection.APPENDIX, sections.appendix());
        return contents;
    }

    private Map<String, Object> common() {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("COMPANY_NAME", snapshot.companyName());
        parameters.put("MONTH_LABEL", monthLabel);
        return parameters;
    }

    private static JRDataSource rows(List<Map<String, Object>> rows) {
        return new JRMapCollectionDataSource(new ArrayList<Map<String, ?>>(rows));
    }

    private static JRDataSource oneRecord() {
        return new JREmptyDataSource(1);
    }

    /** A sentence when {@code rows} is empty, else null (the template prints the table instead). */
    private static String whenEmpty(List<?> rows, String sentence) {
        return rows.isEmpty() ? sentence : null;
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private String moment(Instant instant) {
        return instant == null ? "at an unrecorded time" : MOMENT.format(instant.atZone(zone));
    }

    Content cover(Instant generatedAt) {
        Map<String, Object> parameters = common();
        parameters.put("RUN_ID", snapshot.runId());
        parameters.put("MEASURED_AT", moment(snapshot.measuredAt()));
        parameters.put("GENERATED_AT", moment(generatedAt));
        parameters.put("RULE_SET_VERSION", snapshot.ruleSetVersion());
        parameters.put("NOTICE", CoverNotice.of(snapshot.notice(), snapshot.runId()));
        return new Content(parameters, oneRecord());
    }

    Content executiveSummary() {
        List<Map<String, Object>> tiles = new ArrayList<>();
        for (HeadlineTile tile : snapshot.headlines()) {
            List<ChartBar> trend = new ArrayList<>();
            long earlierValues = 0;
            for (TrendPoint point : tile.trend()) {
                trend.add(ChartBar.of(tile.name(), PackWording.shortMonth(point.month()),
                        Figures.shown(point.value(), tile.unit())));
                if (point.value() != null && !point.month().equals(snapshot.month())) {
                    earlierValues++;
                }
            }
            tiles.add(row(
                    "name", tile.name(),
                    "value", tile.hasValue() ? formatter.format(tile.value(), tile.unit()) : KpiFormatter.NO_DATA,
                    "target", tile.target() == null ? KpiRow.NO_TARGET : formatter.format(tile.target(), tile.unit()),
                    "previous", formatter.format(tile.previous(), tile.unit()),
                    "rag", RagWord.of(tile.rag()),
                    "ragCode", RagWord.code(tile.rag()),
                    "direction", tile.direction() == null ? ""
                            : tile.direction().name().startsWith("HIGHER") ? "higher is better" : "lower is better",
                    "trend", trend,
                    "trendNote", earlierValues == 0
                            ? "No earlier published month to draw a trend from." : null,
                    "noDataReason", tile.hasValue() ? null : noDataReason(tile.code()),
                    "trendText", earlierValues == 0 ? null : trendText(tile)));
        }
        Map<String, Object> parameters = common();
        parameters.put("TREND_RANGE", "Trend: " + PackWording.shortMonthYear(snapshot.month().minusMonths(11))
                + " – " + PackWording.shortMonthYear(snapshot.month())
                + ", each month from its latest published run; gaps are months without data.");
        parameters.put("RAG_SUMMARY", ragSummary());
        parameters.put("NO_DATA_SUMMARY", noDataSummary());
        return new Content(parameters, rows(tiles));
    }

    /**
     * The tile's trend as figures, for a reader who cannot read them off the chart, e.g. "Nov 2025 -10.0 · Dec 2025
     * no data · … · Oct 2026 -22.8": each month's figure as the pack shows figures, a gap as "no data".
     */
    private String trendText(HeadlineTile tile) {
        List<String> points = new ArrayList<>();
        for (TrendPoint point : tile.trend()) {
            points.add(PackWording.shortMonthYear(point.month()) + " " + formatter.format(point.value(), tile.unit()));
        }
        return String.join(" · ", points);
    }

    /** Why the run has no figure for {@code code} overall; null when it stored no reason (or no line at all). */
    private String noDataReason(String code) {
        return snapshot.kpis().stream().filter(kpi -> kpi.code().equals(code) && overall(kpi))
                .map(KpiLine::noDataReason).filter(reason -> reason != null).findFirst().orElse(null);
    }

    /**
     * Every company-wide KPI without a figure this month with the reason, e.g. "First-contact resolution: no service
     * cases in the month", so no "no data" in the pack goes unexplained; null when every KPI has a figure.
     */
    private String noDataSummary() {
        List<String> lines = snapshot.kpis().stream()
                .filter(kpi -> overall(kpi) && kpi.value() == null)
                .map(kpi -> kpi.name() + ": " + (kpi.noDataReason() == null ? "no reason recorded"
                        : kpi.noDataReason()))
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        return "No data this month, and why — " + String.join("; ", lines) + ".";
    }

    private String ragSummary() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List.of("GREEN", "AMBER", "RED").forEach(rag -> counts.put(rag, 0L));
        // the company-wide figures: slices are graded against the same targets, and would count a KPI many times
        for (KpiLine kpi : snapshot.kpis().stream().filter(PackSections::overall).toList()) {
            if (kpi.value() != null && counts.containsKey(RagWord.code(kpi.rag()))) {
                counts.merge(RagWord.code(kpi.rag()), 1L, Long::sum);
            }
        }
        long graded = counts.values().stream().mapToLong(Long::longValue).sum();
        if (graded == 0) {
            return "No KPI was graded against a target this month.";
        }
        return "Of " + PackWording.count(graded, "KPI", "KPIs") + " graded against a target this month: "
                + counts.get("GREEN") + " GREEN, " + counts.get("AMBER") + " AMBER, " + counts.get("RED") + " RED.";
    }

    Content wellAndBadly() {
        Movements movements = snapshot.movements();
        List<Map<String, Object>> improvements = movements.improvements().stream().map(this::movement).toList();
        List<Map<String, Object>> declines = movements.declines().stream().map(this::movement).toList();
        Map<String, Object> parameters = common();
        parameters.put("IMPROVEMENTS", improvements);
        parameters.put("DECLINES", declines);
        boolean nothingToCompare = movements.comparable() == 0;
        parameters.put("COMPARISON_NOTE", nothingToCompare
                ? "No data to compare: no KPI has both a figure for " + monthLabel + " and one for " + lastMonthLabel
                        + " (last month needs a published run)."
                : "Compared with " + lastMonthLabel + " over " + PackWording.count(movements.comparable(), "KPI", "KPIs")
                        + " with a figure in both months; ranked by the size of the change relative to last month, "
                        + "direction-aware (for churn or waiting time, down is better).");
        parameters.put("IMPROVEMENTS_NOTE", nothingToCompare ? null
                : whenEmpty(improvements, "No KPI improved against " + lastMonthLabel + "."));
        parameters.put("DECLINES_NOTE", nothingToCompare ? null
                : whenEmpty(declines, "No KPI declined against " + lastMonthLabel + "."));
        parameters.put("HAS_COMPARISON", !nothingToCompare);
        return new Content(parameters, oneRecord());
    }

    private Map<String, Object> movement(KpiMovement movement) {
        return row("name", movement.name(),
                "previous", formatter.format(movement.previous(), movement.unit()),
                "value", formatter.format(movement.value(), movement.unit()),
                "change", formatter.change(movement.change(), movement.unit()),
                "verdict", movement.improved() ? "better" : "worse");
    }

    Content engagementStages() {
        EngagementStages engagement = snapshot.engagement();
        Map<String, Object> parameters = common();
        List<KpiRow> kpis = engagement.kpis().stream().map(kpi -> KpiRow.of(kpi, formatter)).toList();
        parameters.put("KPIS", kpis);
        parameters.put("KPIS_NOTE", whenEmpty(kpis, "No engagement KPIs were recorded for this run."));
        List<Map<String, Object>> stages = new ArrayList<>();
        List<ChartBar> bars = new ArrayList<>();
        for (EngagementStages.Stage stage : engagement.stages()) {
            String name = PackWording.words(stage.stage());
            stages.add(row("stage", name,
                    "customers", CountFormat.of(stage.customers()),
                    "share", formatter.percent(share(stage.customers(), engagement.scored())),
                    "lastMonth", stage.lastMonth() == null ? KpiFormatter.NO_DATA : CountFormat.of(stage.lastMonth())));
            bars.add(ChartBar.of(THIS_MONTH, name, BigDecimal.valueOf(stage.customers())));
        }
        if (engagement.compared()) {
            for (EngagementStages.Stage stage : engagement.stages()) {
                bars.add(ChartBar.of(LAST_MONTH, PackWording.words(stage.stage()),
                        BigDecimal.valueOf(stage.lastMonth() == null ? 0 : stage.lastMonth())));
            }
        }
        parameters.put("STAGES", stages);
        parameters.put("STAGE_BARS", bars);
        parameters.put("NO_SCORES_NOTE", engagement.hasScores() ? null
                : "No engagement scores for this month: the run stored no customer scores, so stages and movement "
                        + "cannot be shown.");
        parameters.put("SCORED_TEXT", engagement.hasScores()
                ? PackWording.count(engagement.scored(), "customer", "customers")
                        + " scored (customers who consented to analytics); average engagement index "
                        + formatter.format(engagement.averageIndex(), "score") + "."
                : null);
        parameters.put("MOVEMENT_TEXT", !engagement.hasScores() ? null
                : engagement.compared()
                        ? "Since " + lastMonthLabel + ": " + PackWording.count(engagement.movedUp(), "customer", "customers")
                                + " moved up a stage, " + CountFormat.of(engagement.movedDown()) + " moved down, "
                                + CountFormat.of(engagement.unchanged()) + " stayed, "
                                + CountFormat.of(engagement.newlyScored()) + " scored for the first time."
                        : "No movement to show: " + lastMonthLabel + " has no published run with engagement scores.");
        return new Content(parameters, oneRecord());
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100.0 / whole);
    }

    Content voiceOfTheCustomer() {
        VoiceOfCustomer voice = snapshot.voice();
        Map<String, Object> parameters = common();
        List<KpiRow> kpis = voice.kpis().stream().map(kpi -> KpiRow.of(kpi, formatter)).toList();
        parameters.put("KPIS", kpis);
        parameters.put("KPIS_NOTE", whenEmpty(kpis, "No voice-of-the-customer KPIs were recorded for this run."));
        List<Map<String, Object>> bands = voice.reachByBand().stream()
                .map(band -> row("band", PackWording.words(band.valueBand()),
                        "active", CountFormat.of(band.active()),
                        "heard", CountFormat.of(band.heard()),
                        "reach", formatter.percent(band.reach())))
                .toList();
        parameters.put("BANDS", bands);
        parameters.put("BANDS_NOTE", whenEmpty(bands,
                "No data for reach by value band: no customer was active at the end of " + monthLabel + "."));
        parameters.put("GAP_TEXT", voice.reachGap() == null ? null
                : "Reach gap (best band minus worst band): " + formatter.change(voice.reachGap(), "%").substring(1)
                        + ". A wide gap means some customers are not heard.");
        List<Map<String, Object>> verbatims = voice.verbatims().stream()
                .map(verbatim -> row("quote", "“" + verbatim.text() + "”",
                        "attribution", PackWording.words(verbatim.tone())
                                + (verbatim.nps() == null ? "" : " (NPS " + verbatim.nps() + ")")
                                + (verbatim.touchpoint() == null ? "" : ", " + verbatim.touchpoint())))
                .toList();
        parameters.put("VERBATIMS", verbatims);
        parameters.put("VERBATIMS_NOTE", whenEmpty(verbatims, voice.commentsInMonth() == 0
                ? "No survey comments were given in " + monthLabel + "."
                : "No comment can be quoted: none of the " + CountFormat.of(voice.commentsInMonth())
                        + " comments of the month is from a promoter or detractor who consented to analytics."));
        parameters.put("COMMENTS_TEXT", voice.commentsInMonth() == 0 ? null
                : PackWording.count(voice.commentsInMonth(), "survey comment", "survey comments") + " in " + monthLabel
                        + "; a few of them:");
        return new Content(parameters, oneRecord());
    }

    Content retention() {
        Retention retention = snapshot.retention();
        Map<String, Object> parameters = common();
        List<KpiRow> kpis = retention.kpis().stream().map(kpi -> KpiRow.of(kpi, formatter)).toList();
        parameters.put("KPIS", kpis);
        parameters.put("KPIS_NOTE", whenEmpty(kpis, "No retention KPIs were recorded for this run."));
        List<Map<String, Object>> reasons = new ArrayList<>();
        List<ChartBar> bars = new ArrayList<>();
        for (Retention.Reason reason : retention.reasons()) {
            String label = PackWording.churnReason(reason.reason());
            reasons.add(row("reason", label,
                    "customers", CountFormat.of(reason.customers()),
                    "share", reason.share() == null ? "–" : formatter.percent(reason.share()),
                    "baseline", reason.baseline() == null ? "–" : formatter.percent(reason.baseline()),
                    "valueLost", formatter.pounds(reason.valueLost()),
                    "rag", reason.baseline() == null ? "" : RagWord.of(reason.rag()),
                    "ragCode", RagWord.code(reason.rag())));
            if (reason.baseline() != null) {
                bars.add(ChartBar.of(THIS_MONTH, label, reason.share()));
                bars.add(ChartBar.of(BASELINE, label, reason.baseline()));
            }
        }
        parameters.put("REASONS", reasons);
        parameters.put("REASON_BARS", bars.stream().anyMatch(bar -> THIS_MONTH.equals(bar.getSeries())
                && bar.getValue() != null) ? bars : List.of());
        boolean churnMeasured = retention.kpis().stream().anyMatch(kpi -> kpi.value() != null);
        String summary;
        if (retention.churned() > 0) {
            summary = PackWording.count(retention.churned(), "customer", "customers") + " left in " + monthLabel
                    + ", taking " + formatter.pounds(retention.valueLost()) + " of annual value with them "
                    + "(£248 a year where the value is unknown).";
        } else if (churnMeasured) {
            summary = "No customer left in " + monthLabel + ".";
        } else {
            summary = "No data for retention: the run recorded no churn figures and no customer left in " + monthLabel
                    + ".";
        }
        parameters.put("SUMMARY_TEXT", summary);
        parameters.put("CONTROLLABLE_TEXT", retention.controllableShare() == null ? null
                : "Controllable share (how they were treated + product or service): "
                        + formatter.percent(retention.controllableShare()) + " against 82.0 % in the baseline. "
                        + "Shares are of the leavers whose reason is known.");
        return new Content(parameters, oneRecord());
    }

    Content momentsOfTruth() {
        List<Map<String, Object>> lines = new ArrayList<>();
        int lastMoment = -1;
        for (MomentOfTruthLine line : snapshot.momentsOfTruth()) {
            String moment = line.moment() == lastMoment ? ""
                    : (line.moment() <= 5 ? line.moment() + ". " : "") + line.title();
            lastMoment = line.moment();
            KpiLine kpi = line.kpi();
            if (kpi == null) {
                lines.add(row("moment", moment, "label", "not measured yet", "value", KpiFormatter.NO_DATA,
                        "target", "", "rag", "", "ragCode", "", "previous", ""));
            } else {
                KpiRow kpiRow = KpiRow.of(kpi, formatter);
                lines.add(row("moment", moment, "label", kpiRow.getLabel(), "value", kpiRow.getValue(),
                        "target", kpiRow.getTarget(), "rag", kpiRow.getRag(), "ragCode", kpiRow.getRagCode(),
                        "previous", kpiRow.getPrevious()));
            }
        }
        Map<String, Object> parameters = common();
        parameters.put("LINES", lines);
        return new Content(parameters, oneRecord());
    }

    Content actionPoints() {
        ActionPoints actions = snapshot.actions();
        List<Map<String, Object>> pillars = new ArrayList<>();
        for (ActionPoints.Pillar pillar : actions.byPillar()) {
            List<TriggerRow> triggers = pillar.triggers().stream().map(TriggerRow::of).toList();
            pillars.add(row("pillar", PackWording.words(pillar.pillar()),
                    "triggers", triggers,
                    "note", whenEmpty(triggers, "No action points for "
                            + PackWording.words(pillar.pillar()).toLowerCase(Locale.UK) + " this month.")));
        }
        Map<String, Object> parameters = common();
        parameters.put("THIS_MONTH_TEXT", ActionFollowUpWording.thisMonth(snapshot.triggers()));
        String lastMonth = PackWording.month(actions.lastMonth());
        List<TriggerRow> previous = actions.lastMonthActions().stream().map(TriggerRow::of).toList();
        parameters.put("LAST_MONTH_HEADING", "Last month's actions (" + lastMonth
                + "): the team's status and what the data says");
        parameters.put("LAST_MONTH", previous);
        parameters.put("LAST_MONTH_TEXT", ActionFollowUpWording.lastMonth(actions.lastMonthActions(), lastMonth,
                monthLabel));
        parameters.put("LAST_MONTH_KEY", "Status: as the CCO's team had recorded it when this pack was generated. "
                + "Data in " + monthLabel + ": whether this month's rules raised the same trigger again.");
        parameters.put("LAST_MONTH_NOTE", !actions.lastMonthRun()
                ? "No data: " + lastMonth + " has no published run, so there are no earlier actions to follow up."
                : whenEmpty(previous, "The published run for " + lastMonth + " raised no action points."));
        return new Content(parameters, rows(pillars));
    }

    /** The headline KPIs by value band, then by segment: one compact table each ({@link BreakdownMatrix}). */
    Content kpiBreakdowns() {
        List<Map<String, Object>> tables = List.of(
                breakdownTable("By value band", Breakdown.VALUE_BAND),
                breakdownTable("By segment", Breakdown.SEGMENT));
        return new Content(common(), rows(tables));
    }

    /**
     * One table as the template reads it: a heading, up to {@value BreakdownMatrix#MAX_SLICES} column headings
     * (h1…h5, null for a column not shown) and rows keyed kpi, overall, c1…c5.
     */
    private Map<String, Object> breakdownTable(String heading, Breakdown breakdown) {
        BreakdownMatrix matrix = BreakdownMatrix.of(breakdown, snapshot.kpis(), formatter);
        Map<String, Object> table = row("heading", heading, "note", matrix.note(),
                "emptyNote", matrix.isEmpty() ? "No data: the run stored no headline KPI by "
                        + PackWording.words(breakdown.dimensionName()).toLowerCase(Locale.UK) + "." : null);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BreakdownMatrix.Row line : matrix.rows()) {
            Map<String, Object> cells = row("kpi", line.kpi(), "overall", line.overall());
            for (int column = 1; column <= BreakdownMatrix.MAX_SLICES; column++) {
                cells.put("c" + column, column <= line.cells().size() ? line.cells().get(column - 1) : null);
            }
            rows.add(cells);
        }
        for (int column = 1; column <= BreakdownMatrix.MAX_SLICES; column++) {
            table.put("h" + column, column <= matrix.columns().size() ? matrix.columns().get(column - 1) : null);
        }
        table.put("rows", rows);
        return table;
    }

    private static boolean overall(KpiLine kpi) {
        return kpi.dimension() == null || SnapshotSections.OVERALL.equalsIgnoreCase(kpi.dimension().strip());
    }

    /** "Overall only", or e.g. "Overall; segment, value band, channel". */
    static String appliesTo(List<String> breakdowns) {
        if (breakdowns.isEmpty()) {
            return "Overall only";
        }
        return "Overall; " + String.join(", ", breakdowns.stream()
                .map(name -> PackWording.words(name).toLowerCase(Locale.UK)).toList());
    }

    Content appendix() {
        Appendix appendix = snapshot.appendix();
        Map<String, Object> parameters = common();
        parameters.put("COVERAGE", appendix.coverage().stream()
                .map(line -> row("source", PackWording.source(line.kind()),
                        "files", line.files() == 0 ? "none received" : CountFormat.of(line.files()),
                        "accepted", line.files() == 0 ? "–" : CountFormat.of(line.rowsAccepted()),
                        "quarantined", line.files() == 0 ? "–" : CountFormat.of(line.rowsQuarantined())))
                .toList());
        List<Map<String, Object>> quarantine = appendix.quarantine().stream()
                .map(line -> row("source", PackWording.source(line.kind()), "field", line.field(),
                        "records", CountFormat.of(line.records())))
                .toList();
        parameters.put("QUARANTINE", quarantine);
        long quarantinedRows = appendix.coverage().stream().mapToLong(Appendix.Coverage::rowsQuarantined).sum();
        parameters.put("QUARANTINE_NOTE", whenEmpty(quarantine, quarantinedRows == 0
                ? "No record of this run's files was quarantined."
                : CountFormat.of(quarantinedRows) + " rows were quarantined; no breakdown by field was recorded."));
        List<KpiRow> kpis = snapshot.kpis().stream().filter(PackSections::overall)
                .map(kpi -> KpiRow.of(kpi, formatter)).toList();
        parameters.put("KPIS", kpis);
        parameters.put("KPIS_NOTE", whenEmpty(kpis, "No KPI values were recorded for this run."));
        long slices = snapshot.kpis().stream().filter(kpi -> !overall(kpi)).count();
        parameters.put("SLICES_TEXT", slices == 0 ? null
                : "Company-wide figures. The run also stored " + PackWording.count(slices, "figure", "figures")
                        + " by segment, value band, channel or engagement: the headline ones are in Appendix A, "
                        + "all of them in the API (GET /api/runs/" + snapshot.runId() + "/kpis/{code}/breakdowns).");
        parameters.put("DEFINITIONS", appendix.definitions().stream()
                .map(definition -> row("code", definition.code(), "name", definition.name(),
                        "unit", definition.unit(), "definition", definition.definition(),
                        "direction", KpiTraits.direction(definition.code())
                                .map(direction -> direction == KpiDirection.HIGHER_IS_BETTER ? "higher" : "lower")
                                .orElse("–"),
                        "appliesTo", appliesTo(definition.breakdowns())))
                .toList());
        parameters.put("RUN_ID", snapshot.runId());
        parameters.put("MEASURED_AT", moment(snapshot.measuredAt()));
        parameters.put("RULE_SET_VERSION", snapshot.ruleSetVersion());
        parameters.put("RULE_SET_CHECKSUM", appendix.ruleSetChecksum() == null ? "not recorded"
                : appendix.ruleSetChecksum());
        List<BatchRow> batches = snapshot.sourceBatches().stream().map(BatchRow::of).toList();
        parameters.put("BATCHES", batches);
        parameters.put("BATCHES_NOTE", whenEmpty(batches, "No source batches were recorded for this run."));
        return new Content(parameters, oneRecord());
    }
}
