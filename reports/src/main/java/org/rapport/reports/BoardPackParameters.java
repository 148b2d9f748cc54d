package org.rapport.reports;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.rapport.engine.snapshot.RunSnapshot;

/**
 * The report parameters board-pack.jrxml declares, filled from one run snapshot. All wording and
 * number formatting happens here, in plain Java that tests can pin down, so the template only lays
 * text out.
 */
final class BoardPackParameters {

    static final String COMPANY_NAME = "COMPANY_NAME";
    static final String MONTH_LABEL = "MONTH_LABEL";
    static final String RUN_ID = "RUN_ID";
    static final String MEASURED_AT = "MEASURED_AT";
    static final String GENERATED_AT = "GENERATED_AT";
    static final String RULE_SET_VERSION = "RULE_SET_VERSION";
    static final String KPIS = "KPIS";
    static final String KPI_CHART_BARS = "KPI_CHART_BARS";
    static final String TRIGGERS = "TRIGGERS";
    static final String BATCHES = "BATCHES";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    // the zone name is printed because a run near midnight otherwise looks like it belongs to another day
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm zzz", Locale.UK);

    private BoardPackParameters() {
    }

    /** "October 2026": the month as the board says it, for the cover, the footer and the PDF title. */
    static String monthLabel(YearMonth month) {
        return MONTH.format(month);
    }

    static Map<String, Object> of(RunSnapshot snapshot, Instant generatedAt, ZoneId zone) {
        KpiFormatter formatter = new KpiFormatter();
        List<KpiRow> kpis = snapshot.kpis().stream().map(kpi -> KpiRow.of(kpi, formatter)).toList();
        List<TriggerRow> triggers = snapshot.triggers().stream().map(TriggerRow::of).toList();
        List<BatchRow> batches = snapshot.sourceBatches().stream().map(BatchRow::of).toList();

        Map<String, Object> parameters = new HashMap<>();
        parameters.put(COMPANY_NAME, snapshot.companyName());
        parameters.put(MONTH_LABEL, monthLabel(snapshot.month()));
        parameters.put(RUN_ID, snapshot.runId());
        parameters.put(MEASURED_AT, moment(snapshot.measuredAt(), zone));
        parameters.put(GENERATED_AT, moment(generatedAt, zone));
        parameters.put(RULE_SET_VERSION, snapshot.ruleSetVersion());
        parameters.put(KPIS, kpis);
        parameters.put(KPI_CHART_BARS, ChartBar.forPercentKpis(snapshot.kpis()));
        parameters.put(TRIGGERS, triggers);
        parameters.put(BATCHES, batches);
        return parameters;
    }

    private static String moment(Instant instant, ZoneId zone) {
        return instant == null ? "at an unrecorded time" : MOMENT.format(instant.atZone(zone));
    }
}
