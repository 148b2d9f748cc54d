package org.rapport.integration.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.CallRecord;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.BatchCollector;

class CdrCallAssemblerTest {

    private static final LocalDateTime NINE = LocalDateTime.parse("2026-10-02T09:00:00");

    private final List<String> handedOn = new ArrayList<>();
    private final CdrCallAssembler calls = new CdrCallAssembler(Duration.ofMinutes(10), new BatchCollector(
            new RecordSink() {
                @Override
                public void record(CanonicalRecord record) {
                    handedOn.add(((CallRecord) record).callRef());
                }

                @Override
                public void quarantine(QuarantinedRow row) {
                    handedOn.add("quarantined line " + row.line());
                }
            }));

    @Test
    void aCallIsHandedOnOnceTheFileHasMovedPastItsLastLegByTheWindow() throws BadFieldException {
        calls.add(leg(1, "a", null, 0, 2));
        calls.add(leg(2, "b", null, 1, 3));
        calls.add(leg(3, "a", null, 5, 11));

        assertThat(handedOn).as("a's second leg ends at 9:11, b at 9:03: not 10 minutes past either").isEmpty();

        calls.add(leg(4, "c", null, 12, 14));
        assertThat(handedOn).as("9:14 is past b's end by more than 10 minutes").containsExactly("b");

        calls.add(leg(5, "c", null, 20, 22));
        assertThat(handedOn).as("9:22: a ended 9:11").containsExactly("b", "a");

        calls.finish();
        assertThat(handedOn).containsExactly("b", "a", "c");
    }

    @Test
    void callsCompleteTogetherAreHandedOnInTheOrderTheyBegan() throws BadFieldException {
        calls.add(leg(1, "long", null, 0, 5));
        calls.add(leg(2, "short", null, 1, 2));
        calls.add(leg(3, "middle", null, 2, 4));

        calls.add(leg(4, "late", null, 30, 31));

        assertThat(handedOn).containsExactly("long", "short", "middle");
    }

    @Test
    void aLegLinkedToAnotherCallJoinsItsLegsAndItsEnd() throws BadFieldException {
        calls.add(leg(1, "b-leg", null, 0, 20));
        calls.add(leg(2, "a-leg", "b-leg", 0, 1));

        calls.add(leg(3, "x", null, 25, 26));
        assertThat(handedOn).as("the joined call ends 9:20, its b-leg's end").isEmpty();

        calls.add(leg(4, "y", null, 31, 32));
        assertThat(handedOn).as("once, under the key it joined").containsExactly("a-leg");

        calls.finish();
        assertThat(handedOn).containsExactly("a-leg", "x", "y");
    }

    @Test
    void aCallWhoseLegsComeLongerThanTheWindowApartIsQuarantinedTheSecondTime() throws BadFieldException {
        calls.add(leg(1, "a", null, 0, 1));
        calls.add(leg(2, "b", null, 15, 16));
        calls.add(leg(3, "a", null, 17, 18));
        calls.finish();

        assertThat(handedOn).containsExactly("a", "b", "quarantined line 3");
    }

    @Test
    void aLateLegJoiningACallAlreadyGivenThroughALinkIsQuarantinedNotCountedAsAnotherCall() throws BadFieldException {
        calls.add(leg(1, "b-leg", null, 0, 2));
        calls.add(leg(2, "a-leg", "b-leg", 0, 1));
        calls.add(leg(3, "x", null, 15, 16));
        assertThat(handedOn).containsExactly("a-leg");

        // a transfer leg linking to the call given, and a leg under the key that joined it, both too late
        calls.add(leg(4, "c-leg", "a-leg", 17, 18));
        calls.add(leg(5, "b-leg", null, 18, 19));
        calls.finish();

        assertThat(handedOn).containsExactly("a-leg", "quarantined line 4", "quarantined line 5", "x");
    }

    @Test
    void theLinksOfCallsGivenAreNotHeldSoALongFileIsNot() throws BadFieldException {
        // a day of transferred calls a minute apart, each an a-leg and a b-leg linked to it
        for (int minute = 0; minute < 10_000; minute++) {
            calls.add(leg(2L * minute + 1, "b-" + minute, null, minute, minute + 2));
            calls.add(leg(2L * minute + 2, "a-" + minute, "b-" + minute, minute, minute + 1));
        }

        assertThat(calls.linksHeld()).as("the calls of the last window, not of the file").isLessThanOrEqualTo(15);
        calls.finish();
        assertThat(handedOn).hasSize(10_000).doesNotContain("quarantined line 2").startsWith("a-0", "a-1")
                .endsWith("a-9999");
        assertThat(calls.linksHeld()).isZero();
    }

    @Test
    void manyCallsOpenAtOnceAreEachHandedOnOnceInTheOrderTheyBegan() throws BadFieldException {
        // a busy hour: calls a second apart, each 5 minutes long, so 300 are open at once
        List<String> expected = new ArrayList<>();
        for (int second = 0; second < 20_000; second++) {
            String key = "call-" + second;
            calls.add(new CallLeg(second + 1, () -> "row", key + "/1", "uniqueid", key, null, null, false,
                    NINE.plusSeconds(second), null, NINE.plusSeconds(second + 300), false, false, null, false));
            expected.add(key);
        }
        calls.finish();

        assertThat(handedOn).containsExactlyElementsOf(expected);
    }

    /**
     * The rule, checked leg by leg on a seeded day of calls: a call is handed on as soon as a leg ends past its last
     * leg's end by more than the window, and calls due at once in the order they began, whatever order their legs end
     * in (up to a minute out of order), to the millisecond, after a first leg three hours ahead of the next, across a
     * night without calls and before a leg decades ahead.
     */
    @Test
    void eachCallIsHandedOnOnceTheFileIsPastItsEndByTheWindowWhateverOrderItsLegsEndIn() throws BadFieldException {
        SplittableRandom random = new SplittableRandom(12);
        List<CallLeg> legs = new ArrayList<>();
        long line = 0;
        for (int call = 0; call < 6_000; call++) {
            // calls begin 4 seconds apart, with a night of 8 hours after the first 3,000
            LocalDateTime begins = NINE.plusSeconds(4L * call + (call >= 3_000 ? 8 * 3600 : 0));
            int legCount = 1 + random.nextInt(3);
            for (int leg = 0; leg < legCount; leg++) {
                LocalDateTime ends = begins.plusNanos(random.nextLong(120_000) * 1_000_000L);
                legs.add(new CallLeg(++line, () -> "row", "call-" + call + "/" + leg, "uniqueid", "call-" + call,
                        null, null, false, begins, null, ends, false, false, null, false));
            }
        }
        // the order legs are written in: by their end, each up to a minute early or late
        Map<CallLeg, Long> writtenAt = new IdentityHashMap<>();
        legs.forEach(leg -> writtenAt.put(leg, leg.end().toInstant(ZoneOffset.UTC).toEpochMilli()
                + random.nextLong(-60_000, 60_000)));
        legs.sort(Comparator.comparing(writtenAt::get));
        legs.add(0, new CallLeg(++line, () -> "row", "early/1", "uniqueid", "early", null, null, false,
                NINE.plusHours(3), null, NINE.plusHours(3), false, false, null, false));
        legs.add(new CallLeg(++line, () -> "row", "far/1", "uniqueid", "far", null, null, false,
                LocalDateTime.parse("2099-01-01T00:00:00"), null, LocalDateTime.parse("2099-01-01T00:00:01"), false,
                false, null, false));

        Duration window = Duration.ofMinutes(10);
        Map<String, LocalDateTime> held = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        LocalDateTime latest = null;
        for (CallLeg leg : legs) {
            calls.add(leg);
            held.merge(leg.groupKey(), leg.end(), (one, other) -> one.isAfter(other) ? one : other);
            if (latest == null || leg.end().isAfter(latest)) {
                latest = leg.end();
                LocalDateTime threshold = latest.minus(window);
                held.entrySet().removeIf(call -> call.getValue().isBefore(threshold) && expected.add(call.getKey()));
            }
            assertThat(handedOn).as("handed on after line %d", leg.line()).hasSameSizeAs(expected);
        }
        calls.finish();
        expected.addAll(held.keySet());

        assertThat(handedOn).hasSize(6_002).containsExactlyElementsOf(expected);
    }

    /** A leg of call {@code key} from {@code from} to {@code to} minutes past nine. */
    private static CallLeg leg(long line, String key, String linkKey, int from, int to) {
        return new CallLeg(line, () -> "row " + line, key + "/" + line, "uniqueid", key, linkKey, null, false,
                NINE.plusMinutes(from), null, NINE.plusMinutes(to), false, false, null, false);
    }
}
