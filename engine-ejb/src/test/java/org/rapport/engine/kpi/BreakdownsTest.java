package org.rapport.engine.kpi;

import static org.rapport.engine.contact.CallOutcome.ANSWERED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * KPIs by segment, value band and channel, worked by hand for one KPI of each family: each slice is
 * the same measure over that slice's rows, grouped in the database. Rows whose customer or channel is
 * unknown count overall only.
 */
class BreakdownsTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void npsBySegmentValueBandAndTouchpoint(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customerIn("A", "retail", "high");
            facts.customerIn("B", "retail", "low");
            facts.customerIn("C", "business", "high");
            facts.answer("A", "2026-10-02T10:00:00", "call", 10, null, null, null);
            facts.answer("A", "2026-10-03T10:00:00", "web-chat", 9, null, null, null);
            facts.answer("B", "2026-10-04T10:00:00", "call", 3, null, null, null);
            facts.answer("B", "2026-10-05T10:00:00", "shop", 7, null, null, null);
            facts.answer("C", "2026-10-06T10:00:00", "call", 9, null, null, null);
            facts.answer("C", "2026-10-07T10:00:00", "shop", 10, null, null, null);
            facts.answer(null, "2026-10-08T10:00:00", "call", 0, null, null, null);
        });

        List<Measurement> measured = database.read(entityManager ->
                new VoiceOfCustomerMeasures(entityManager).netPromoterScore(OCTOBER));

        Slices.of(KpiCatalogue.NPS, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low",
                        "channel=call", "channel=shop", "channel=web-chat")
                .has("overall", "28.57", 7)            // 4 promoters (57.14 %) − 2 detractors (28.57 %)
                .has("segment=business", "100.00", 2)  // C 9, 10
                .has("segment=retail", "25.00", 4)     // A 10, 9, B 3, 7: 50 % − 25 %
                .has("value_band=high", "100.00", 4)   // A 10, 9, C 9, 10
                .has("value_band=low", "-50.00", 2)    // B 3, 7: 0 % − 50 %
                .has("channel=call", "0.00", 4)        // 10, 3, 9, 0: 50 % − 50 %
                .has("channel=shop", "50.00", 2)       // 7, 10
                .has("channel=web-chat", "100.00", 1); // 9
    }

    /**
     * Active on 1 October: A, B, C (retail), D, E (business). Lost in October: B (treatment, £600),
     * C (better offer, value unknown: £248), E (product, £1,000). F left in September, G joined on the 5th.
     * Bands: high A, B, E; low C, D, G.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void churnValueLostAndControllableShareBySegmentAndValueBand(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customerIn("A", "retail", "high").setAnnualValue(new BigDecimal("300"));
            leaver(facts.customerIn("B", "retail", "high"), "2026-10-10", ChurnReason.TREATMENT, "600");
            leaver(facts.customerIn("C", "retail", "low"), "2026-10-20", ChurnReason.BETTER_OFFER, null);
            facts.customerIn("D", "business", "low").setAnnualValue(new BigDecimal("200"));
            leaver(facts.customerIn("E", "business", "high"), "2026-10-31", ChurnReason.PRODUCT_OR_SERVICE, "1000");
            leaver(facts.customerIn("F", "business", "low"), "2026-09-30", ChurnReason.TREATMENT, "500");
            facts.customerIn("G", "retail", "low").setCustomerSince(LocalDate.of(2026, 10, 5));
        });

        List<Measurement> measured = database.read(entityManager -> new RetentionMeasures(entityManager).measure(OCTOBER));

        Slices.of(KpiCatalogue.CHURN_RATE, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low")
                .has("overall", "60.00", 5)            // B, C, E of A-E
                .has("segment=business", "50.00", 2)   // E of D, E
                .has("segment=retail", "66.67", 3)     // B, C of A, B, C
                .has("value_band=high", "66.67", 3)    // B, E of A, B, E
                .has("value_band=low", "50.00", 2);    // C of C, D
        Slices.of(KpiCatalogue.VALUE_LOST, measured)
                .has("overall", "1848.00", 3)
                .has("segment=business", "1000.00", 1)
                .has("segment=retail", "848.00", 2)
                .has("value_band=high", "1600.00", 2)
                .has("value_band=low", "248.00", 1);
        Slices.of(KpiCatalogue.CHURN_CONTROLLABLE_SHARE, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low")
                .has("overall", "66.67", 3)            // treatment B, product E of B, C, E
                .has("segment=business", "100.00", 1)
                .has("segment=retail", "50.00", 2)
                .has("value_band=high", "100.00", 2)
                .has("value_band=low", "0.00", 1);
    }

    /**
     * Answered calls that wanted an agent, seconds to reach one (30 in the IVR plus the queue):
     * A phone 60, 120; B phone 600, web 180; C web 360; unknown caller phone 1,200.
     * A retail/high, B retail/low, C business/high.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timeToReachAHumanByTheCallersSegmentValueBandAndTheCallsChannel(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customerIn("A", "retail", "high");
            facts.customerIn("B", "retail", "low");
            facts.customerIn("C", "business", "high");
            facts.call("A", "2026-10-01T09:00:00", 30, ANSWERED, 0, 0, null, "phone");
            facts.call("A", "2026-10-02T09:00:00", 90, ANSWERED, 0, 0, null, "phone");
            facts.call("B", "2026-10-03T09:00:00", 570, ANSWERED, 0, 0, null, "phone");
            facts.call("B", "2026-10-04T09:00:00", 150, ANSWERED, 0, 0, null, "web");
            facts.call("C", "2026-10-05T09:00:00", 330, ANSWERED, 0, 0, null, "web");
            facts.call(null, "2026-10-06T09:00:00", 1170, ANSWERED, 0, 0, null, "phone");
        });

        List<Measurement> measured = database.read(entityManager ->
                new MomentsOfTruthMeasures(entityManager).measure(OCTOBER));

        Slices.of(KpiCatalogue.TIME_TO_HUMAN_MEAN, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low",
                        "channel=phone", "channel=web")
                .has("overall", "7.00", 6)            // 2,520 s / 6 = 420 s
                .has("segment=business", "6.00", 1)
                .has("segment=retail", "4.00", 4)     // 960 s / 4
                .has("value_band=high", "3.00", 3)    // 540 s / 3
                .has("value_band=low", "6.50", 2)     // 780 s / 2
                .has("channel=phone", "8.25", 4)      // 1,980 s / 4
                .has("channel=web", "4.50", 2);       // 540 s / 2
        // P90 interpolated at (n − 1) × 0.9 in the sorted times
        Slices.of(KpiCatalogue.TIME_TO_HUMAN_P90, measured)
                .has("overall", "15.00", 6)           // 600 + 0.5 × 600 = 900 s
                .has("segment=business", "6.00", 1)
                .has("segment=retail", "7.90", 4)     // 60 120 180 600: 180 + 0.7 × 420 = 474 s
                .has("value_band=high", "5.20", 3)    // 60 120 360: 120 + 0.8 × 240 = 312 s
                .has("value_band=low", "9.30", 2)     // 180 600: 180 + 0.9 × 420 = 558 s
                .has("channel=phone", "17.00", 4)     // 60 120 600 1200: 600 + 0.7 × 600 = 1,020 s
                .has("channel=web", "5.70", 2);       // 180 360: 180 + 0.9 × 180 = 342 s
        Slices.of(KpiCatalogue.TIME_TO_HUMAN_OVER_9_5, measured)
                .has("overall", "33.33", 6)           // 600 and 1,200 s
                .has("segment=retail", "25.00", 4)
                .has("value_band=low", "50.00", 2)
                .has("channel=phone", "50.00", 4)
                .has("channel=web", "0.00", 2);
    }

    private static void leaver(Customer customer, String churnedOn, ChurnReason reason, String annualValue) {
        customer.setChurnedOn(LocalDate.parse(churnedOn));
        customer.setStatus(CustomerStatus.CHURNED);
        customer.setChurnReason(reason);
        customer.setAnnualValue(annualValue == null ? null : new BigDecimal(annualValue));
    }
}
