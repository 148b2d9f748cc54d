package org.rapport.engine.kpi;

import static org.rapport.engine.servicecase.ServiceCaseKind.CALL_BACK;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLAINT;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * Closed loop: the share of detractors called back within 2 working days. October 2026 starts on a
 * Thursday; the deadline is the end of the second working day after the day of the answer.
 */
class ClosedLoopTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    /**
     * <pre>
     * answer  who  when               NPS  touchpoint  deadline (end of)  call-back             in time
     * 1       A    Fri  2 Oct 10:00   3    call        Tue  6 Oct         Tue  6 Oct 17:00      yes
     * 2       B    Mon  5 Oct 09:00   6    shop        Wed  7 Oct         Thu  8 Oct 08:00      no (late)
     * 3       C    Sat 10 Oct 12:00   0    call        Tue 13 Oct         Tue 13 Oct 23:59:59   yes (last second)
     * 4       E    Wed 14 Oct 15:00   5    web-chat    Fri 16 Oct         Wed 14 Oct 14:00      no (before the answer)
     * 5       E    Thu 22 Oct 09:00   4    call        Mon 26 Oct         Mon 26 Oct 09:00      yes (over the weekend)
     * 6       A    Sat 31 Oct 18:00   2    call        Tue  3 Nov         Mon  2 Nov 10:00      yes (into November)
     * not counted: D's answer (D did not agree to be contacted), an unknown customer's, B's promoter
     * answer, C's September answer; B's complaint on 6 Oct is not a call-back.
     * A retail/high, B retail/low, C business/high, D business/low, E retail/high.
     * </pre>
     */
    private static void october(Facts facts) {
        facts.customerIn("A", "retail", "high");
        facts.customerIn("B", "retail", "low");
        facts.customerIn("C", "business", "high");
        facts.customerIn("D", "business", "low").setConsentToContact(false);
        facts.customerIn("E", "retail", "high");
        facts.answer("A", "2026-10-02T10:00:00", "call", 3, null, null, null);
        facts.answer("B", "2026-10-05T09:00:00", "shop", 6, null, null, null);
        facts.answer("C", "2026-10-10T12:00:00", "call", 0, null, null, null);
        facts.answer("E", "2026-10-14T15:00:00", "web-chat", 5, null, null, null);
        facts.answer("E", "2026-10-22T09:00:00", "call", 4, null, null, null);
        facts.answer("A", "2026-10-31T18:00:00", "call", 2, null, null, null);
        facts.answer("D", "2026-10-01T10:00:00", "call", 1, null, null, null);
        facts.answer(null, "2026-10-01T11:00:00", "call", 0, null, null, null);
        facts.answer("B", "2026-10-20T10:00:00", "shop", 9, null, null, null);
        facts.answer("C", "2026-09-30T10:00:00", "call", 2, null, null, null);
        facts.serviceCase("A", "2026-10-06T17:00:00Z", null, "phone", CALL_BACK, null);
        facts.serviceCase("B", "2026-10-08T08:00:00Z", null, "phone", CALL_BACK, null);
        facts.serviceCase("B", "2026-10-06T10:00:00Z", null, "phone", COMPLAINT, null);
        facts.serviceCase("C", "2026-10-13T23:59:59Z", null, "phone", CALL_BACK, null);
        facts.serviceCase("E", "2026-10-14T14:00:00Z", null, "phone", CALL_BACK, null);
        facts.serviceCase("E", "2026-10-26T09:00:00Z", null, "phone", CALL_BACK, null);
        facts.serviceCase("A", "2026-11-02T10:00:00Z", null, "phone", CALL_BACK, null);
        facts.serviceCase("D", "2026-10-01T12:00:00Z", null, "phone", CALL_BACK, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void detractorsWhoAgreedToBeContactedAreCountedAsCalledBackWhenACallBackFollowsWithinTwoWorkingDays(
            TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));

        List<Measurement> measured = database.read(entityManager ->
                new VoiceOfCustomerMeasures(entityManager).closedLoop(OCTOBER));

        Slices.of(KpiCatalogue.CLOSED_LOOP, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low",
                        "channel=call", "channel=shop", "channel=web-chat")
                .has("overall", "66.67", 6)          // answers 1, 3, 5, 6 of 6
                .has("segment=business", "100.00", 1) // C: 3
                .has("segment=retail", "60.00", 5)    // A 1, 6; B 2; E 4, 5 → 1, 5, 6
                .has("value_band=high", "80.00", 5)   // A 1, 6; C 3; E 4, 5 → 1, 3, 5, 6
                .has("value_band=low", "0.00", 1)     // B 2
                .has("channel=call", "100.00", 4)     // 1, 3, 5, 6
                .has("channel=shop", "0.00", 1)
                .has("channel=web-chat", "0.00", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthWithoutDetractorsHasNoClosedLoopFigure(TestDatabase database) {
        on(database).write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.customer("A", LocalDate.of(2020, 1, 1), null, null).setConsentToContact(true);
            facts.answer("A", "2026-10-02T10:00:00", "call", 9, null, null, null);
        });

        List<Measurement> measured = database.read(entityManager ->
                new VoiceOfCustomerMeasures(entityManager).closedLoop(OCTOBER));

        Slices.of(KpiCatalogue.CLOSED_LOOP, measured).dimensions("overall").has("overall", null, 0);
    }
}
