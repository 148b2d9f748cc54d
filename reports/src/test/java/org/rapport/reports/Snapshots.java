package org.rapport.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiEvidence;
import org.rapport.engine.kpi.MonthObservations;
import org.rapport.engine.snapshot.ActionPoints;
import org.rapport.engine.snapshot.Appendix;
import org.rapport.engine.snapshot.BatchLine;
import org.rapport.engine.snapshot.PackNotice;
import org.rapport.engine.snapshot.EngagementStages;
import org.rapport.engine.snapshot.HeadlineTile;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.Retention;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.SnapshotSections;
import org.rapport.engine.snapshot.TrendPoint;
import org.rapport.engine.snapshot.TriggerLine;
import org.rapport.engine.snapshot.VerbatimScrubber;
import org.rapport.engine.snapshot.VoiceOfCustomer;

/** Run snapshots the specifications render: a rich month, an empty one, and variations. */
final class Snapshots {

    static final String COMPANY = "Northwind Home Energy";
    static final String RULE_SET = "v7 default (3f2a9c1b)";
    static final String RULE_SET_SHA = "3f2a9c1b" + "0".repeat(56);
    static final String CRM_SHA = "9c1e4b7f2a3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";
    static final String IVR_SHA = "0f4d2c8e1b6a7f3059e2d1c4b7a8f6e5d3c2b1a09f8e7d6c5b4a3928170f6e5d";
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static final KpiLine NPS = kpi("NPS", "Net Promoter Score", "score", "overall",
            "31.4", "35", "AMBER", "29.8", 1_840);
    static final KpiLine CSAT = kpi("CSAT", "Customer satisfaction (CSAT)", "%", "overall",
            "82.5", "85", "AMBER", "81", 2_210);
    static final KpiLine REPEAT = kpi("REPEAT_CONTACT_RATE", "Repeat contact within 7 days", "%", "overall",
            "12.5", "10", "RED", "13.1", 9_412);
    static final KpiLine TIME_TO_HUMAN = kpi("TIME_TO_HUMAN_P90", "Time to reach a human (P90)", "min", "overall",
            "8.24", "6", "RED", "9.1", 3_305);
    static final KpiLine VALUE_LOST = kpi("VALUE_LOST", "Value lost to churn", "£", "overall",
            "4960", "5000", "GREEN", "5210", 20);
    static final KpiLine CHURN = kpi("CHURN_RATE", "Churn rate", "%", "overall",
            "1.6", "1.5", "AMBER", "1.2", 12_400);
    static final KpiLine FCR = kpi("FIRST_CONTACT_RESOLUTION", "First-contact resolution", "%", "overall",
            "74", null, "NONE", null, 9_412);
    static final KpiLine ENGAGED = kpi("ENGAGED_SHARE", "Engaged customers (regular, loyal, advocate)", "%",
            "overall", "48.3", "50", "AMBER", "47.5", 12_000);
    static final KpiLine IVR = kpi("IVR_ABANDONMENT", "IVR abandonment", "%", "overall",
            "7.8", "5", "AMBER", "9.9", 48_211);
    /** Nobody in the low value band answered a survey this month. */
    static final KpiLine REACH_LOW_BAND = kpi("SURVEY_REACH", "Survey reach", "%", "value_band=low",
            null, "20", "NONE", "14.2", 0);

    /** Raised again: September's action for it was marked done, yet callers are still trapped. */
    /** NPS, churn and survey reach by value band and segment; the low band's NPS rests on 25 answers. */
    static final List<KpiLine> SLICES = List.of(
            kpi("NPS", "Net Promoter Score", "score", "value_band=high", "42", "35", "GREEN", "40.1", 620),
            kpi("NPS", "Net Promoter Score", "score", "value_band=medium", "30.5", "35", "AMBER", "29", 700),
            kpi("NPS", "Net Promoter Score", "score", "value_band=low", "12", "35", "RED", "15", 25),
            kpi("NPS", "Net Promoter Score", "score", "segment=month-to-month", "18", "35", "RED", "17", 900),
            kpi("NPS", "Net Promoter Score", "score", "segment=one-year", "35.2", "35", "GREEN", "33", 600),
            kpi("NPS", "Net Promoter Score", "score", "segment=two-year", "47.9", "35", "GREEN", "46", 340),
            kpi("CHURN_RATE", "Churn rate", "%", "value_band=high", "0.8", "1.5", "GREEN", "0.7", 3_000),
            kpi("CHURN_RATE", "Churn rate", "%", "value_band=medium", "1.4", "1.5", "GREEN", "1.1", 5_000),
            kpi("CHURN_RATE", "Churn rate", "%", "value_band=low", "2.6", "1.5", "RED", "1.9", 4_400),
            kpi("CHURN_RATE", "Churn rate", "%", "segment=month-to-month", "3.1", "1.5", "RED", "2.5", 5_200),
            kpi("CHURN_RATE", "Churn rate", "%", "segment=one-year", "0.9", "1.5", "GREEN", "0.8", 4_000),
            kpi("CHURN_RATE", "Churn rate", "%", "segment=two-year", "0.4", "1.5", "GREEN", "0.3", 3_200),
            kpi("SURVEY_REACH", "Survey reach", "%", "value_band=high", "46", "20", "GREEN", "44", 3_000),
            kpi("SURVEY_REACH", "Survey reach", "%", "value_band=medium", "32", "20", "GREEN", "30", 5_000));

    static final TriggerLine TRAPPED = TriggerLine.open("MOT2_TRAPPED", "Customers trapped in self-service",
            "TECHNOLOGY", "HIGH", "31% of calls that wanted an agent took longer than 9.5 minutes to reach one.")
            .raised(true);
    static final TriggerLine REPEATING = TriggerLine.open("MOT1_REPEAT", "Customers asked to identify again",
            "PROCESS", "MEDIUM", "After a transfer, 42% of callers had to give their details a second time.")
            .raised(false);
    static final TriggerLine COACHING = TriggerLine.open("NPS_BELOW_TARGET", "Coach agents on complaint calls",
            "STAFF", "LOW", "NPS 31.4 against a target of 35.").raised(false);
    /** September's action points with the team's status when October's pack was generated, and October's finding. */
    static final TriggerLine SEPTEMBER_ACTION = new TriggerLine("CHURN_ABOVE_TARGET", "Call back customers at risk",
            "PROCESS", "HIGH", "Churn 1.2%.", "Retention team", "DONE", 17L, null, TriggerLine.NO_LONGER_FIRING);
    static final TriggerLine SEPTEMBER_TRAPPED = new TriggerLine("MOT2_TRAPPED", "Shorten the IVR menu",
            "TECHNOLOGY", "HIGH", "P90 time to reach a human 11.0 minutes.", "Contact centre", "DONE", 18L, null,
            TriggerLine.STILL_FIRING);
    static final TriggerLine SEPTEMBER_SUNDAYS = new TriggerLine("WEEKEND_QUEUES", "Open the contact centre on Sundays",
            "STAFF", "LOW", "Queue abandonment 14% on Sundays.", null, "DROPPED", 19L, null,
            TriggerLine.NO_LONGER_FIRING);
    static final List<TriggerLine> SEPTEMBER_ACTIONS = List.of(SEPTEMBER_ACTION, SEPTEMBER_TRAPPED, SEPTEMBER_SUNDAYS);

    static final BatchLine CRM = new BatchLine("CUSTOMERS", "crm-customers-2026-10.csv", CRM_SHA, 12_480, 3);
    static final BatchLine IVR_FILE = new BatchLine("CALLS", "ivr-calls-2026-10.csv", IVR_SHA, 48_211, 0);

    /** What a customer wrote, as stored: it must reach the pack only through the scrubber. */
    static final String RAW_DETRACTOR_COMMENT = "Waited 40 minutes. Call me on 07700 900123 or jo.bloggs@example.com, "
            + "my name is Jo Bloggs, account 12345678, customer 7590-VHVEG.";
    static final List<String> FIXTURE_CUSTOMER_IDS = List.of("7590-VHVEG", "5575-GNVDE", "3668-QPYBK");

    private Snapshots() {
    }

    /** The company-wide lines, then the slices, as the snapshot reader orders a run's lines by code. */
    static List<KpiLine> octoberKpis() {
        List<KpiLine> kpis = new ArrayList<>(List.of(NPS, CSAT, CHURN, VALUE_LOST, TIME_TO_HUMAN, IVR, FCR, REPEAT,
                ENGAGED, REACH_LOW_BAND));
        kpis.addAll(SLICES);
        return kpis;
    }

    /** A month with something in every section. */
    static RunSnapshot october2026() {
        return october2026(verbatims(List.of(
                new Raw("detractor", "call", 2, RAW_DETRACTOR_COMMENT, "7590-VHVEG"),
                new Raw("promoter", "visit", 10, "The engineer was on time and explained everything.", "5575-GNVDE"))));
    }

    record Raw(String tone, String touchpoint, Integer nps, String comment, String customerId) {
    }

    /** Scrubbed as the snapshot reader scrubs them. */
    static List<VoiceOfCustomer.Verbatim> verbatims(List<Raw> raw) {
        List<VoiceOfCustomer.Verbatim> verbatims = new ArrayList<>();
        for (Raw comment : raw) {
            String text = VerbatimScrubber.scrub(comment.comment(), List.of(comment.customerId()));
            if (text != null) {
                verbatims.add(new VoiceOfCustomer.Verbatim(comment.tone(), comment.touchpoint(), comment.nps(), text));
            }
        }
        return verbatims;
    }

    static RunSnapshot october2026(List<VoiceOfCustomer.Verbatim> verbatims) {
        List<KpiLine> kpis = octoberKpis();
        List<TriggerLine> triggers = List.of(TRAPPED, REPEATING, COACHING);
        List<BatchLine> batches = List.of(CRM, IVR_FILE);
        List<HeadlineTile> headlines = SnapshotSections.headlines(OCTOBER, kpis, java.util.Map.of(
                KpiCatalogue.NPS, trend(OCTOBER, "22.0", "24.5", null, "25.1", "27.0", "26.2", "28.3", "29.0", "28.1", "30.2",
                        "29.8"),
                KpiCatalogue.CHURN_RATE, trend(OCTOBER, "1.4", "1.3", "1.5", "1.2", "1.1", "1.3", "1.4", "1.5", "1.3", "1.1",
                        "1.2")));
        EngagementStages stages = new EngagementStages(List.of(ENGAGED), List.of(
                new EngagementStages.Stage("unengaged", 2_100, 2_300L),
                new EngagementStages.Stage("casual", 4_050, 4_000L),
                new EngagementStages.Stage("regular", 3_200, 3_150L),
                new EngagementStages.Stage("loyal", 1_700, 1_640L),
                new EngagementStages.Stage("advocate", 950, 910L)),
                12_000, new BigDecimal("48.60"), true, 640, 310, 10_900, 150);
        VoiceOfCustomer voice = new VoiceOfCustomer(List.of(NPS, CSAT, REACH_LOW_BAND), List.of(
                new VoiceOfCustomer.BandReach("high", 3_000, 1_380, new BigDecimal("46.00")),
                new VoiceOfCustomer.BandReach("medium", 5_000, 1_600, new BigDecimal("32.00")),
                new VoiceOfCustomer.BandReach("low", 4_400, 748, new BigDecimal("17.00"))),
                new BigDecimal("29.00"), 412, verbatims);
        Retention retention = new Retention(List.of(CHURN, VALUE_LOST), 20, List.of(
                reason("TREATMENT", 11, "61.11", "68", "2728", "GREEN"),
                reason("PRODUCT_OR_SERVICE", 3, "16.67", "14", "744", "AMBER"),
                reason("BETTER_OFFER", 3, "16.67", "9", "744", "RED"),
                reason("SERIAL_SWITCHER", 1, "5.56", "5", "248", "GREEN"),
                reason("STOPPED_USING", 0, "0.00", "3", "0", "AMBER"),
                reason("DECEASED", 0, "0.00", "1", "0", "NONE"),
                new Retention.Reason("UNKNOWN", 2, null, null, new BigDecimal("496"), "NONE")),
                new BigDecimal("77.78"), new BigDecimal("4960"));
        ActionPoints actions = SnapshotSections.actionPoints(OCTOBER, triggers, true, SEPTEMBER_ACTIONS);
        Appendix appendix = new Appendix(SnapshotSections.coverage(batches),
                List.of(new Appendix.Quarantine("CUSTOMERS", "annual_value", 2), new Appendix.Quarantine("CUSTOMERS",
                        "(record)", 1)),
                SnapshotSections.definitions(kpis), RULE_SET_SHA);
        return new RunSnapshot(42, OCTOBER, COMPANY, RULE_SET, Instant.parse("2026-11-01T02:00:00Z"), kpis, triggers,
                batches, headlines, SnapshotSections.movements(kpis), stages, voice, retention,
                SnapshotSections.momentsOfTruth(kpis), actions, appendix, PackNotice.NONE);
    }

    private static Retention.Reason reason(String reason, long customers, String share, String baseline, String value,
            String rag) {
        return new Retention.Reason(reason, customers, new BigDecimal(share), new BigDecimal(baseline),
                new BigDecimal(value), rag);
    }

    /** Eleven earlier months, oldest first; null is a month without a published value. */
    private static List<TrendPoint> trend(YearMonth month, String... values) {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            points.add(new TrendPoint(month.minusMonths(values.length - i), decimal(values[i])));
        }
        return points;
    }

    static RunSnapshot october2026WithTriggers(List<TriggerLine> triggers) {
        RunSnapshot month = october2026();
        return new RunSnapshot(month.runId(), month.month(), month.companyName(), month.ruleSetVersion(),
                month.measuredAt(), month.kpis(), triggers, month.sourceBatches(), month.headlines(), month.movements(),
                month.engagement(), month.voice(), month.retention(), month.momentsOfTruth(),
                SnapshotSections.actionPoints(month.month(), triggers, true, month.actions().lastMonthActions()),
                month.appendix(), PackNotice.NONE);
    }

    /** What the snapshot reader gives for a run that stored nothing, in a month with no data at all. */
    static RunSnapshot emptyMonth() {
        return RunSnapshot.of(43, YearMonth.of(2026, 11), COMPANY, RULE_SET, Instant.parse("2026-12-01T02:00:00Z"),
                List.of(), List.of(), List.of());
    }

    /**
     * November 2026 for a company whose calls and customer file arrived but whose survey tool and CRM cases did not:
     * the figures that rest on answers or cases are "no data", each with the reason the engine words from what the
     * KPI needs ({@link KpiEvidence}), as the snapshot reader stores it.
     */
    static RunSnapshot monthWithoutAnswersOrCases() {
        MonthObservations observed = new MonthObservations(true, true, false, false, false);
        List<KpiLine> kpis = new ArrayList<>();
        KpiCatalogue.all().forEach(definition -> kpis.add(observed(definition.code(), observed)
                ? kpi(definition.code(), definition.name(), definition.unit(), "overall", "5", null, "NONE", null, 10)
                : new KpiLine(definition.code(), definition.name(), definition.unit(), "overall", null, null, "NONE",
                        null, 0, KpiEvidence.noDataReason(definition.code(), true, observed))));
        return RunSnapshot.of(44, YearMonth.of(2026, 11), COMPANY, RULE_SET, Instant.parse("2026-12-01T02:00:00Z"),
                kpis, List.of(), List.of(IVR_FILE, CRM));
    }

    private static boolean observed(String code, MonthObservations month) {
        return KpiEvidence.observed(code, month);
    }

    static KpiLine kpi(String code, String name, String unit, String dimension, String value, String target,
            String rag, String previous, long sampleSize) {
        return new KpiLine(code, name, unit, dimension, decimal(value), decimal(target), rag, decimal(previous),
                sampleSize, null);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
