package org.rapport.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.rapport.engine.snapshot.BatchLine;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.TriggerLine;

/** Run snapshots the specifications render: a typical month, and its variations. */
final class Snapshots {

    static final String COMPANY = "Northwind Home Energy";
    static final String RULE_SET = "v7 default (3f2a9c1b)";
    static final String CRM_SHA = "9c1e4b7f2a3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";
    static final String IVR_SHA = "0f4d2c8e1b6a7f3059e2d1c4b7a8f6e5d3c2b1a09f8e7d6c5b4a3928170f6e5d";

    static final KpiLine NPS = kpi("NPS", "Net Promoter Score", "score", "overall",
            "31.4", "35", "AMBER", "29.8", 1_840);
    static final KpiLine CSAT = kpi("CSAT", "Customer satisfaction (CSAT)", "%", "overall",
            "82.5", "85", "AMBER", "81", 2_210);
    static final KpiLine REPEAT = kpi("REPEAT_7D", "Repeat contact within 7 days", "%", "overall",
            "12.5", "10", "RED", "13.1", 9_412);
    static final KpiLine TIME_TO_HUMAN = kpi("TTH", "Time to reach a human", "min", "overall",
            "8.24", "6", "RED", "9.1", 3_305);
    static final KpiLine VALUE_LOST = kpi("VALUE_LOST", "Value lost to churn", "£", "overall",
            "4960", "5000", "GREEN", "5210", 20);
    static final KpiLine FCR = kpi("FCR", "First-contact resolution", "%", "overall",
            "74", null, "NONE", null, 9_412);
    /** Nobody in the low value band answered a survey this month. */
    static final KpiLine REACH_LOW_BAND = kpi("REACH", "Survey reach", "%", "value_band=low",
            null, "20", "NONE", "14.2", 0);

    static final TriggerLine TRAPPED = new TriggerLine("MOT2_TRAPPED", "Customers trapped in self-service",
            "technology", "HIGH", "31% of calls that wanted an agent took longer than 9.5 minutes to reach one.");
    static final TriggerLine REPEATING = new TriggerLine("MOT1_REPEAT", "Customers asked to identify again",
            "process", "MEDIUM", "After a transfer, 42% of callers had to give their details a second time.");

    static final BatchLine CRM = new BatchLine("crm", "crm-customers-2026-10.csv", CRM_SHA, 12_480, 3);
    static final BatchLine IVR = new BatchLine("ivr", "ivr-calls-2026-10.csv", IVR_SHA, 48_211, 0);

    private Snapshots() {
    }

    static RunSnapshot october2026() {
        return new RunSnapshot(42, YearMonth.of(2026, 10), COMPANY, RULE_SET, Instant.parse("2026-11-01T02:00:00Z"),
                List.of(NPS, CSAT, REPEAT, TIME_TO_HUMAN, VALUE_LOST, FCR, REACH_LOW_BAND),
                List.of(TRAPPED, REPEATING),
                List.of(CRM, IVR));
    }

    static RunSnapshot october2026WithTriggers(List<TriggerLine> triggers) {
        RunSnapshot month = october2026();
        return new RunSnapshot(month.runId(), month.month(), month.companyName(), month.ruleSetVersion(),
                month.measuredAt(), month.kpis(), triggers, month.sourceBatches());
    }

    static RunSnapshot october2026WithKpis(List<KpiLine> kpis) {
        RunSnapshot month = october2026();
        return new RunSnapshot(month.runId(), month.month(), month.companyName(), month.ruleSetVersion(),
                month.measuredAt(), kpis, month.triggers(), month.sourceBatches());
    }

    static RunSnapshot emptyMonth() {
        return new RunSnapshot(43, YearMonth.of(2026, 11), COMPANY, RULE_SET, Instant.parse("2026-12-01T02:00:00Z"),
                List.of(), List.of(), List.of());
    }

    static KpiLine kpi(String code, String name, String unit, String dimension, String value, String target,
            String rag, String previous, long sampleSize) {
        return new KpiLine(code, name, unit, dimension, decimal(value), decimal(target), rag, decimal(previous),
                sampleSize);
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
