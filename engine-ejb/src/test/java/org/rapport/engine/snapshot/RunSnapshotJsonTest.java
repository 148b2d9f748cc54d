package org.rapport.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A snapshot can be kept with its run as JSON (JSON-B, as WildFly ships it) and read back unchanged, so an
 * archived month can be rendered again from exactly what was rendered the first time.
 */
class RunSnapshotJsonTest {

    @Test
    @DisplayName("a snapshot with every section reads back from JSON equal to itself")
    void roundTrip() throws Exception {
        YearMonth month = YearMonth.of(2026, 10);
        List<KpiLine> kpis = List.of(
                new KpiLine("NPS", "Net Promoter Score", "score", "overall", new BigDecimal("31.40"), new BigDecimal("30"),
                        "GREEN", new BigDecimal("29.80"), 1_840, null),
                new KpiLine("SURVEY_REACH", "Survey reach", "%", "value_band=low", null, null, "NONE", null, 0,
                        "no survey answers in the month"));
        List<TriggerLine> triggers = List.of(new TriggerLine("T", "Title", "STAFF", "HIGH", "Evidence", "Ops", "DONE", 11L,
                true, null));
        List<TriggerLine> lastMonth = List.of(new TriggerLine("S", "Earlier", "PROCESS", "LOW", "Evidence", null,
                "IN_PROGRESS", 5L, null, TriggerLine.STILL_FIRING));
        List<BatchLine> batches = List.of(new BatchLine("CALLS", "calls.csv", "ab".repeat(32), 10, 1));
        RunSnapshot snapshot = new RunSnapshot(7, month, "Acme", "v1 default (abababab)",
                Instant.parse("2026-11-01T06:00:00Z"), kpis, triggers, batches,
                SnapshotSections.headlines(month, kpis, Map.of("NPS", List.of(new TrendPoint(month.minusMonths(1),
                        new BigDecimal("29.80"))))),
                SnapshotSections.movements(kpis),
                new EngagementStages(List.of(), List.of(new EngagementStages.Stage("casual", 3, 2L)), 3,
                        new BigDecimal("41.50"), true, 1, 0, 2, 0),
                new VoiceOfCustomer(List.of(kpis.get(0)), List.of(new VoiceOfCustomer.BandReach("low", 4, 1,
                        new BigDecimal("25.00"))), null, 2, List.of(new VoiceOfCustomer.Verbatim("detractor", "call", 2,
                        "Too long [removed]"))),
                new Retention(List.of(), 1, List.of(new Retention.Reason("TREATMENT", 1, new BigDecimal("100.00"),
                        new BigDecimal("68"), new BigDecimal("248"), "RED")), new BigDecimal("100.00"),
                        new BigDecimal("248.00")),
                SnapshotSections.momentsOfTruth(kpis),
                SnapshotSections.actionPoints(month, triggers, true, lastMonth),
                new Appendix(SnapshotSections.coverage(batches), List.of(new Appendix.Quarantine("CALLS", "nps", 1)),
                        SnapshotSections.definitions(kpis), "cd".repeat(32)),
                new PackNotice(new PackNotice.Revision(5, java.time.LocalDate.of(2026, 11, 2),
                        java.time.LocalDate.of(2026, 11, 20), List.of("Net Promoter Score: 12 → 14")),
                        new PackNotice.Incomplete("admin", List.of("file-drop/calls: no records yet"), List.of("NPS"))));

        try (Jsonb jsonb = JsonbBuilder.create()) {
            String json = jsonb.toJson(snapshot);

            assertThat(jsonb.fromJson(json, RunSnapshot.class)).isEqualTo(snapshot);
            assertThat(json).contains("\"month\":\"2026-10\"", "\"measuredAt\":\"2026-11-01T06:00:00Z\"");
        }
    }

    @Test
    @DisplayName("a trigger archived before action points were followed up reads back as not followed up")
    void triggerFromAnOlderArchive() throws Exception {
        String archived = """
                {"code":"T","evidence":"e","owner":null,"pillar":"STAFF","severity":"HIGH","status":"DONE","title":"Title"}""";

        try (Jsonb jsonb = JsonbBuilder.create()) {
            TriggerLine trigger = jsonb.fromJson(archived, TriggerLine.class);

            assertThat(trigger.status()).isEqualTo("DONE");
            assertThat(trigger.id()).isNull();
            assertThat(trigger.recurring()).isNull();
            assertThat(trigger.followUp()).isNull();
        }
    }
}
