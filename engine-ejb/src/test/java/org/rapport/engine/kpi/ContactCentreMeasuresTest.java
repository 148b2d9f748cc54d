package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_IVR;
import static org.rapport.engine.contact.CallOutcome.ABANDONED_IN_QUEUE;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.time.YearMonth;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

class ContactCentreMeasuresTest extends PersistenceSpec {

    /**
     * Six October calls, worked by hand:
     * <pre>
     * customer  day  queue  outcome             transfers  re-identified  saw history  channel
     * A         1      10   answered            1          1              true         phone   (A prefers phone)
     * A         5      30   answered            0          0              false        phone   5 - 1 = 4 days: a repeat of day 1
     * B         2      15   answered            2          0              null         web     (B prefers phone)
     * B        20      90   abandoned in queue  0          0              null         phone   18 days after: no repeat
     * (none)    3       0   abandoned in IVR    0          0              null         phone   unknown caller
     * C        31       5   answered            1          2              true         chat    (C has no preference)
     * </pre>
     */
    private static void october(Facts facts) {
        facts.customer("A", "high", "phone");
        facts.customer("B", "low", "phone");
        facts.customer("C", "low", null);
        facts.call("A", "2026-10-01T09:00:00", 10, ANSWERED, 1, 1, true, "phone");
        facts.call("A", "2026-10-05T09:00:00", 30, ANSWERED, 0, 0, false, "phone");
        facts.call("B", "2026-10-02T09:00:00", 15, ANSWERED, 2, 0, null, "web");
        facts.call("B", "2026-10-20T09:00:00", 90, ABANDONED_IN_QUEUE, 0, 0, null, "phone");
        facts.call(null, "2026-10-03T09:00:00", 0, ABANDONED_IN_IVR, 0, 0, null, "phone");
        facts.call("C", "2026-10-31T09:00:00", 5, ANSWERED, 1, 2, true, "chat");
        facts.call("A", "2026-09-28T09:00:00", 500, ANSWERED, 3, 3, false, "web"); // September
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void eachMomentOfTruthIsMeasuredFromTheMonthsCalls(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));

        Map<String, Measurement> measured = database.read(entityManager ->
                new ContactCentreMeasures(entityManager).measure(ReportingMonth.of(YearMonth.of(2026, 10))))
                .stream().filter(m -> m.dimension().equals(Measurement.OVERALL)).collect(Collectors.toMap(Measurement::code, Function.identity()));

        // transferred: A day 1, B day 2, C day 31; re-identified: A day 1 and C → 2 of 3
        assertValue(measured, KpiCatalogue.REIDENTIFIED_AFTER_TRANSFER, "66.67", 3);
        // answered: 10, 30, 15, 5 seconds queued → 15 s
        assertValue(measured, KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, "15.00", 4);
        // queued: 4 answered + 1 abandoned; answered within 20 s: 10, 15, 5 → 3 of 5
        assertValue(measured, KpiCatalogue.SERVICE_LEVEL, "60.00", 5);
        // 1 of 5 queued calls abandoned in the queue
        assertValue(measured, KpiCatalogue.QUEUE_ABANDONMENT, "20.00", 5);
        // answered with history known: A day 1 (saw), A day 5 (did not), C (saw) → 1 of 3
        assertValue(measured, KpiCatalogue.NO_HISTORY, "33.33", 3);
        // known customers with a preference: A ×2 (phone, phone), B ×2 (web, phone) → 3 of 4
        assertValue(measured, KpiCatalogue.PREFERRED_CHANNEL, "75.00", 4);
        // known callers' calls: 5; followed within 7 days by another: A day 1 only → 1 of 5
        assertValue(measured, KpiCatalogue.REPEAT_CONTACT_RATE, "20.00", 5);
    }

    private static void assertValue(Map<String, Measurement> measured, String code, String value, long sample) {
        assertThat(measured.get(code).value()).as(code).isEqualByComparingTo(value);
        assertThat(measured.get(code).sampleSize()).as(code + " sample").isEqualTo(sample);
    }
}
