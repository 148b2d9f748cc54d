package org.rapport.engine.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.readiness.ReadinessRules.SourceDeliveries;

/** A month is ready when every source is complete or not needed, and nothing is being stored. */
class ReadinessRulesTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant DECEMBER_5 = Instant.parse("2026-12-05T08:00:00Z");

    private final ReadinessRules rules = new ReadinessRules((source, kind) -> source.equals("pbx-month-end")
            ? Completeness.MONTH_CLOSED : Completeness.defaultFor(kind));

    @Test
    void aMonthNobodyDeliveredAnythingForIsNotReady() {
        MonthReadiness readiness = rules.check(NOVEMBER, Map.of(), Map.of(), List.of());

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.lines()).containsExactly("(any source): no source has delivered any data");
    }

    @Test
    void theDemoDeliveredInDecemberWithDataThroughOctoberIsNotReadyForNovember() {
        MonthReadiness readiness = rules.check(NOVEMBER, demoThroughOctober(), Map.of(), List.of());

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missing()).extracting(MissingSource::source)
                .containsExactly("file-drop/calls", "file-drop/survey-responses");
        assertThat(readiness.sources()).filteredOn(SourceState::complete).extracting(SourceState::source)
                .containsExactly("file-drop/customers");
        assertThat(readiness.describe()).isEqualTo("""
                file-drop/calls: records only through 2026-10-31; needs records through 2026-11-30
                file-drop/survey-responses: no delivery received after 2026-11-30 with records of 2026-11 or later\
                 (newest record 2026-10-30)""");
    }

    @Test
    void theSameDeliveriesMakeOctoberReady() {
        assertThat(rules.check(YearMonth.of(2026, 10), demoThroughOctober(), Map.of(), List.of()).ready()).isTrue();
    }

    @Test
    void marksCloseOrExcuseASourceForOneMonth() {
        MonthReadiness readiness = rules.check(NOVEMBER, demoThroughOctober(),
                Map.of("file-drop/calls", MarkKind.CLOSED, "file-drop/survey-responses", MarkKind.NOT_NEEDED), List.of());

        assertThat(readiness.ready()).isTrue();
        assertThat(readiness.sources()).extracting(SourceState::mark).containsExactly(null, "CLOSED", "NOT_NEEDED");
    }

    @Test
    void aSourceFollowingMonthClosedWaitsForItsMarkWhateverItDelivered() {
        Map<String, SourceDeliveries> delivered = Map.of("pbx-month-end", new SourceDeliveries(SourceKind.CALLS,
                List.of(new Delivered(DECEMBER_5, LocalDate.parse("2026-12-04")))));

        assertThat(rules.check(NOVEMBER, delivered, Map.of(), List.of()).lines())
                .containsExactly("pbx-month-end: not yet marked closed for 2026-11");
        assertThat(rules.check(NOVEMBER, delivered, Map.of("pbx-month-end", MarkKind.CLOSED), List.of()).ready())
                .isTrue();
    }

    @Test
    void aDeliveryBeingStoredHoldsAnOtherwiseCompleteMonth() {
        MonthReadiness readiness = rules.check(YearMonth.of(2026, 10), demoThroughOctober(), Map.of(),
                List.of("file-drop/calls calls-1m.csv"));

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.missing()).isEmpty();
        assertThat(readiness.lines()).containsExactly("being stored now: file-drop/calls calls-1m.csv");
    }

    private static Map<String, SourceDeliveries> demoThroughOctober() {
        Map<String, SourceDeliveries> delivered = new LinkedHashMap<>();
        delivered.put("file-drop/customers", new SourceDeliveries(SourceKind.CUSTOMERS,
                List.of(new Delivered(DECEMBER_5, LocalDate.parse("2026-10-12")))));
        delivered.put("file-drop/calls", new SourceDeliveries(SourceKind.CALLS,
                List.of(new Delivered(DECEMBER_5, LocalDate.parse("2026-10-31")))));
        delivered.put("file-drop/survey-responses", new SourceDeliveries(SourceKind.SURVEY_RESPONSES,
                List.of(new Delivered(DECEMBER_5, LocalDate.parse("2026-10-30")))));
        return delivered;
    }
}
