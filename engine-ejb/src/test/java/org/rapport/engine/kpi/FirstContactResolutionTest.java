package org.rapport.engine.kpi;

import static org.rapport.engine.servicecase.ServiceCaseKind.CALL_BACK;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLAINT;
import static org.rapport.engine.servicecase.ServiceCaseKind.COMPLIMENT;
import static org.rapport.engine.servicecase.ServiceCaseKind.ENQUIRY;
import static org.rapport.engine.servicecase.ServiceCaseKind.REQUEST;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/** First-contact resolution: complaints, requests and enquiries closed on the day they were opened. */
class FirstContactResolutionTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    /**
     * Case times are instants (UTC below). A retail/high, B retail/low, C business/high.
     * <pre>
     * case  who   kind        opened (UTC)       closed (UTC)        channel   same day (UTC)
     * 1     A     complaint   5 Oct 09:00        5 Oct 16:00         phone     yes
     * 2     A     request     6 Oct 23:30        6 Oct 23:50         email     yes
     * 3     B     enquiry     8 Oct 10:00        still open          web-chat  no
     * 4     B     complaint   9 Oct 08:00        9 Oct 08:30         phone     yes
     * 5     C     request    10 Oct 10:00       12 Oct 10:00         phone     no
     * 6     ?     enquiry    11 Oct 10:00       11 Oct 11:00         phone     yes (unknown customer: overall only)
     * 7     B     request    20 Oct 23:30       21 Oct 00:10         email     no (past midnight)
     * 8     C     complaint  31 Oct 22:00       31 Oct 23:30         phone     yes
     * 9     C     complaint  30 Sep 23:00       30 Sep 23:30         phone     (September in UTC)
     * not counted: A's compliment, B's call-back.
     * </pre>
     * In London (summer time, UTC+1, until 25 October) case 9 opens at 00:00 on 1 October and case 7 runs
     * from 00:30 to 01:10 on 21 October: both resolved on the day.
     */
    private static void october(Facts facts) {
        facts.customerIn("A", "retail", "high");
        facts.customerIn("B", "retail", "low");
        facts.customerIn("C", "business", "high");
        facts.serviceCase("A", "2026-10-05T09:00:00Z", "2026-10-05T16:00:00Z", "phone", COMPLAINT, null);
        facts.serviceCase("A", "2026-10-06T23:30:00Z", "2026-10-06T23:50:00Z", "email", REQUEST, null);
        facts.serviceCase("B", "2026-10-08T10:00:00Z", null, "web-chat", ENQUIRY, null);
        facts.serviceCase("B", "2026-10-09T08:00:00Z", "2026-10-09T08:30:00Z", "phone", COMPLAINT, null);
        facts.serviceCase("C", "2026-10-10T10:00:00Z", "2026-10-12T10:00:00Z", "phone", REQUEST, null);
        facts.serviceCase(null, "2026-10-11T10:00:00Z", "2026-10-11T11:00:00Z", "phone", ENQUIRY, null);
        facts.serviceCase("B", "2026-10-20T23:30:00Z", "2026-10-21T00:10:00Z", "email", REQUEST, null);
        facts.serviceCase("C", "2026-10-31T22:00:00Z", "2026-10-31T23:30:00Z", "phone", COMPLAINT, null);
        facts.serviceCase("C", "2026-09-30T23:00:00Z", "2026-09-30T23:30:00Z", "phone", COMPLAINT, null);
        facts.serviceCase("A", "2026-10-15T10:00:00Z", "2026-10-15T10:00:00Z", "phone", COMPLIMENT, null);
        facts.serviceCase("B", "2026-10-16T10:00:00Z", "2026-10-16T10:05:00Z", "phone", CALL_BACK, null);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theShareOfTheMonthsCasesClosedOnTheDayTheyWereOpened(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));

        List<Measurement> measured = database.read(entityManager ->
                new ContactCentreMeasures(entityManager).firstContactResolution(OCTOBER));

        Slices.of(KpiCatalogue.FIRST_CONTACT_RESOLUTION, measured)
                .dimensions("overall", "segment=business", "segment=retail", "value_band=high", "value_band=low",
                        "channel=email", "channel=phone", "channel=web-chat")
                .has("overall", "62.50", 8)            // 1, 2, 4, 6, 8 of cases 1-8
                .has("segment=business", "50.00", 2)   // C: 5 no, 8 yes
                .has("segment=retail", "60.00", 5)     // A 1, 2; B 3, 4, 7 → 1, 2, 4
                .has("value_band=high", "75.00", 4)    // A 1, 2; C 5, 8 → 1, 2, 8
                .has("value_band=low", "33.33", 3)     // B 3, 4, 7 → 4
                .has("channel=email", "50.00", 2)      // 2 yes, 7 no
                .has("channel=phone", "80.00", 5)      // 1, 4, 5, 6, 8 → all but 5
                .has("channel=web-chat", "0.00", 1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void daysAreTheContactCentresOwnIncludingWhenTheClocksChangeInTheMonth(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));

        List<Measurement> measured = database.read(entityManager ->
                new ContactCentreMeasures(entityManager, ZoneId.of("Europe/London")).firstContactResolution(OCTOBER));

        // Case 9 joins October and is resolved on 1 October; case 7 is resolved on 21 October; case 8, after
        // the clocks went back, is still 31 October 22:00 to 23:30: 1, 2, 4, 6, 7, 8, 9 of 9.
        Slices.of(KpiCatalogue.FIRST_CONTACT_RESOLUTION, measured).has("overall", "77.78", 9);
    }
}
