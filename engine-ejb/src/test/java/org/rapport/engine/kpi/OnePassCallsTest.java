package org.rapport.engine.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.Call;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * The call KPIs come from one pass over the month's calls, rolled up to every slice in Java. Each slice's
 * figure must be what a query of that slice's calls alone gives — the database's own {@code avg} and
 * {@code percentile_cont} included — over a seeded month with tied seconds, unknown callers, customers
 * without a segment and calls without a channel.
 */
class OnePassCallsTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));
    private static final String[] SEGMENTS = {"month-to-month", "one-year", "two-year", null};
    private static final String[] BANDS = {"high", "medium", "low"};
    private static final String[] CHANNELS = {"phone", "web-chat", "app", null};
    private static final CallOutcome[] OUTCOMES = CallOutcome.values();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everySliceEqualsAQueryOfThatSliceAlone(TestDatabase database) {
        on(database);
        seedMonth(database);
        Map<String, Measurement> measured = database.read(entityManager ->
                        new MonthlyMeasures(entityManager).measure(OCTOBER)).stream()
                .collect(Collectors.toMap(m -> m.code() + "|" + m.dimension(), Function.identity()));
        List<String> compared = new ArrayList<>();
        database.read(entityManager -> {
            for (String slice : slices(entityManager)) {
                String reached = "c.outcome = 'ANSWERED' and c.wanted_agent = true";
                Object[] human = row(entityManager, "count(*), avg(c.ivr_seconds + c.queue_seconds),"
                        + " percentile_cont(0.9) within group (order by c.ivr_seconds + c.queue_seconds)", reached, slice);
                expect(measured, compared, KpiCatalogue.TIME_TO_HUMAN_MEAN, slice, minutes(human[1]), human[0]);
                expect(measured, compared, KpiCatalogue.TIME_TO_HUMAN_P90, slice, minutes(human[2]), human[0]);
                Object[] late = row(entityManager, "count(*), sum(case when c.ivr_seconds + c.queue_seconds > 570"
                        + " then 1 else 0 end)", reached, slice);
                expect(measured, compared, KpiCatalogue.TIME_TO_HUMAN_OVER_9_5, slice, share(late), late[0]);
                Object[] ivr = row(entityManager, "count(*), sum(case when c.outcome = 'ABANDONED_IN_IVR' then 1"
                        + " else 0 end)", "1 = 1", slice);
                expect(measured, compared, KpiCatalogue.IVR_ABANDONMENT, slice, share(ivr), ivr[0]);
                Object[] speed = row(entityManager, "count(*), avg(c.queue_seconds)", "c.outcome = 'ANSWERED'", slice);
                expect(measured, compared, KpiCatalogue.AVERAGE_SPEED_OF_ANSWER, slice,
                        speed[1] == null ? null : BigDecimal.valueOf(((Number) speed[1]).doubleValue()), speed[0]);
                Object[] repeat = row(entityManager, """
                        count(*), sum(case when exists (select 1 from call_record n where n.customer_ref = c.customer_ref
                            and n.id <> c.id and n.started_at > c.started_at
                            and n.started_at <= c.started_at + interval '7' day) then 1 else 0 end)""",
                        "c.customer_ref is not null", slice);
                expect(measured, compared, KpiCatalogue.REPEAT_CONTACT_RATE, slice, share(repeat), repeat[0]);
            }
            return null;
        });
        // six KPIs × (overall, three segments, three value bands, three channels)
        assertThat(compared).as("slices compared").hasSize(60);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthReadPartByPartInTransactionsOfTheirOwnMeasuresAsOneReadAtOnce(TestDatabase database) {
        on(database);
        seedMonth(database);
        List<Measurement> atOnce = database.read(entityManager -> new MonthlyMeasures(entityManager).measure(OCTOBER));

        MonthReading reading = database.read(entityManager -> new MonthReading(entityManager, OCTOBER,
                java.time.ZoneOffset.UTC));
        // H2 scans the calls table for a month that holds most of its calls, and reads it in one part then
        assertThat(reading.parts()).as("the callers, the calls in windows, the week after, the answers, the customers")
                .extracting(MonthReading.Part::what)
                .containsExactlyElementsOf(database == TestDatabase.H2
                        ? List.of("callers", "calls", "followers", "answers", "customers")
                        : List.of("callers", "calls", "calls", "calls", "calls", "followers", "answers", "customers"));
        for (MonthReading.Part part : reading.parts()) {
            database.read(entityManager -> {
                reading.read(part, entityManager);
                return null;
            });
        }
        List<Measurement> inParts = database.read(entityManager -> new MonthlyMeasures(entityManager).measure(reading));

        assertThat(inParts).isNotEmpty().containsExactlyElementsOf(atOnce);
    }

    private static void seedMonth(TestDatabase database) {
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            SourceBatch calls = new SourceBatch(SourceKind.CALLS, "test", "calls.csv", "one-pass-calls",
                    Instant.parse("2026-11-01T06:00:00Z"));
            entityManager.persist(calls);
            SplittableRandom random = new SplittableRandom(12);
            for (int index = 0; index < 30; index++) {
                Customer customer = facts.customerIn("C" + index, SEGMENTS[random.nextInt(SEGMENTS.length)],
                        BANDS[random.nextInt(BANDS.length)]);
                customer.setPreferredChannel(random.nextBoolean() ? CHANNELS[random.nextInt(3)] : null);
            }
            for (int index = 0; index < 700; index++) {
                // a caller of 35: five unknown to the CRM; one call in ten from no one known at all
                String customer = random.nextInt(10) == 0 ? null : "C" + random.nextInt(35);
                LocalDateTime startedAt = LocalDateTime.of(2026, 9, 25, 8, 0)
                        .plusMinutes(random.nextInt(60 * 24 * 45));
                // seconds drawn from a few dozen values, so that many calls tie
                int ivr = 10 * random.nextInt(12);
                int queue = 15 * random.nextInt(50);
                CallOutcome outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
                int transfers = random.nextInt(3);
                entityManager.persist(new Call(calls, customer, null, startedAt, ivr, queue,
                        outcome == CallOutcome.ANSWERED ? 120 : 0, outcome, random.nextInt(4) > 0, transfers,
                        transfers == 0 ? 0 : random.nextInt(2), random.nextInt(3) == 0 ? null : random.nextBoolean(),
                        CHANNELS[random.nextInt(CHANNELS.length)]));
            }
        });

    }

    /** Overall and every segment, value band and channel the month's calls have. */
    private static List<String> slices(EntityManager entityManager) {
        List<String> slices = new ArrayList<>(List.of(Measurement.OVERALL));
        for (String[] key : List.of(new String[] {"segment", "k.segment"}, new String[] {"value_band", "k.value_band"},
                new String[] {"channel", "c.channel"})) {
            for (Object value : entityManager.createNativeQuery("select distinct " + key[1] + " from call_record c"
                    + " left join customer k on k.external_id = c.customer_ref where " + key[1] + " is not null")
                    .getResultList()) {
                slices.add(key[0] + "=" + value);
            }
        }
        return slices;
    }

    private static Object[] row(EntityManager entityManager, String aggregates, String condition, String slice) {
        String where = "c.started_at >= :start and c.started_at < :end and (" + condition + ")";
        var query = slice.equals(Measurement.OVERALL)
                ? entityManager.createNativeQuery("select " + aggregates + " from call_record c where " + where)
                : entityManager.createNativeQuery("select " + aggregates + " from call_record c left join customer k"
                        + " on k.external_id = c.customer_ref where " + where + " and "
                        + (slice.startsWith("channel=") ? "c.channel" : "k." + slice.substring(0, slice.indexOf('=')))
                        + " = :value");
        query.setParameter("start", OCTOBER.startTime()).setParameter("end", OCTOBER.endTime());
        if (!slice.equals(Measurement.OVERALL)) {
            query.setParameter("value", slice.substring(slice.indexOf('=') + 1));
        }
        return (Object[]) query.getSingleResult();
    }

    private static void expect(Map<String, Measurement> measured, List<String> compared, String code, String slice,
            BigDecimal value, Object count) {
        long sample = ((Number) count).longValue();
        Measurement measurement = measured.get(code + "|" + slice);
        if (sample == 0 && !slice.equals(Measurement.OVERALL)) {
            // a slice with no calls for this KPI is not listed, as a query grouped by the slice finds no group
            assertThat(measurement).as(code + " " + slice).isNull();
            return;
        }
        assertThat(measurement).as(code + " " + slice).isNotNull();
        assertThat(measurement.sampleSize()).as(code + " " + slice + " sample").isEqualTo(sample);
        if (value == null) {
            assertThat(measurement.value()).as(code + " " + slice).isNull();
        } else {
            assertThat(measurement.value()).as(code + " " + slice)
                    .isEqualByComparingTo(value.setScale(Measurement.SCALE, RoundingMode.HALF_UP));
        }
        compared.add(code + " " + slice);
    }

    private static BigDecimal minutes(Object seconds) {
        return seconds == null ? null : BigDecimal.valueOf(((Number) seconds).doubleValue())
                .divide(BigDecimal.valueOf(60), Measurement.SCALE + 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(Object[] row) {
        long whole = ((Number) row[0]).longValue();
        long part = row[1] == null ? 0 : ((Number) row[1]).longValue();
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP);
    }
}
