package org.rapport.engine.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.Run;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Stage;

class EngagementProfilesTest extends PersistenceSpec {

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    // Windows for October 2026: 12 months from 2025-11-01, the 90 days from 2026-08-03, the 90 before from
    // 2026-05-05; month end is 2026-11-01 (last day 2026-10-31).

    /**
     * A pass whose calls cannot be grouped keeps none of its survey answers either: whoever asked for it does not let
     * go of a pass it failed to get, and nothing else would.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aPassThatCannotBeMadeWholeKeepsNothing(TestDatabase database) {
        on(database);
        database.write(em -> new EngagementFixtures(em).response("A", "2026-10-20T10:00:00", 9, null, null, null));
        int callPasses = CallProfiles.passesHeld();
        int surveyPasses = SurveyProfiles.passesHeld();

        database.write(em -> em.createNativeQuery("alter table call_record rename to call_record_away").executeUpdate());
        try {
            assertThatThrownBy(() -> database.read(em -> new EngagementProfiles(em).prepare(OCTOBER, "half-made")))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            database.write(em -> em.createNativeQuery("alter table call_record_away rename to call_record")
                    .executeUpdate());
        }

        assertThat(SurveyProfiles.holds("half-made")).as("the survey answers grouped before the calls failed").isFalse();
        assertThat(SurveyProfiles.passesHeld()).isEqualTo(surveyPasses);
        assertThat(CallProfiles.passesHeld()).isEqualTo(callPasses);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void profilesCarryEveryPillarInputWorkedOutOverTheirWindows(TestDatabase database) {
        on(database);
        database.write(em -> {
            EngagementFixtures f = new EngagementFixtures(em);
            f.customer("A", "2020-01-15", null, "retail", "high", true);
            f.customer("B", "2026-10-01", null, "retail", "low", false);
            f.customer("C", "2020-01-01", "2026-10-15", "retail", "low", true);   // left in October
            f.customer("D", "2026-11-05", null, "retail", "low", true);           // joined after
            f.customer("E", null, "2026-11-01", "business", "high", true);        // leaves after month end: active

            f.purchase("A", "2026-10-31", "60", "broadband");   // last day: 0 days ago
            f.purchase("A", "2026-08-03", "40", "mobile");      // first day of the 90 days
            f.purchase("A", "2026-08-02", "50", "broadband");   // the 90 days before
            f.purchase("A", "2026-05-05", "30", "tv");          // first day of the 90 days before
            f.purchase("A", "2026-05-04", "70", "tv");          // before both
            f.purchase("A", "2025-10-31", "999", "insurance");  // outside the 12 months
            f.purchase("A", "2026-11-01", "500", "phone");      // November
            f.purchase("B", "2026-07-01", "20", "mobile");
            f.purchase("C", "2026-10-01", "20", "mobile");

            f.call("A", "2026-10-10T12:00:00", CallOutcome.SELF_SERVED, false);
            f.call("A", "2026-08-03T00:00:00", CallOutcome.SELF_SERVED, false);
            f.call("A", "2026-08-02T23:59:59", CallOutcome.SELF_SERVED, false); // before the 90 days
            f.call("A", "2026-10-11T12:00:00", CallOutcome.SELF_SERVED, true);  // wanted an agent
            f.call("A", "2026-10-12T12:00:00", CallOutcome.ANSWERED, false);
            f.call("A", "2026-11-01T00:00:00", CallOutcome.SELF_SERVED, false); // November

            f.response("A", "2026-09-01T10:00:00", 3, 2, 2, "slow");
            f.response("A", "2026-10-20T10:00:00", 9, null, 6, null);         // the latest in the window
            f.response("A", "2026-11-01T00:00:00", 0, 1, 1, "november");      // November
            f.response("A", "2025-10-31T23:59:59", 0, 1, 1, "too old");
            f.response("A", "2026-03-01T10:00:00", 5, 3, 3, "  ");            // blank comment: no feedback
            f.response("E", "2026-10-30T09:00:00", 2, 1, 1, "awful");

            f.serviceCase("A", "2026-10-05T10:00:00", ServiceCaseKind.COMPLIMENT);
            f.serviceCase("A", "2026-03-01T10:00:00", ServiceCaseKind.COMPLIMENT);
            f.serviceCase("A", "2026-09-15T10:00:00", ServiceCaseKind.COMPLAINT);
            f.serviceCase("A", "2025-10-15T10:00:00", ServiceCaseKind.COMPLAINT);   // outside the 12 months
            f.serviceCase("A", "2026-10-21T09:00:00", ServiceCaseKind.CALL_BACK);   // after the latest response
            f.serviceCase("A", "2026-10-22T09:00:00", ServiceCaseKind.REQUEST);
            f.serviceCase("B", "2026-10-21T09:00:00", ServiceCaseKind.CALL_BACK);   // never surveyed
            f.serviceCase("E", "2026-10-29T09:00:00", ServiceCaseKind.CALL_BACK);   // before E's response

            RuleSetVersion rules = f.rules();
            Run olderSeptember = f.run(rules, YearMonth.of(2026, 9), "PUBLISHED");
            f.score(olderSeptember, "A", "casual", "30");
            Run september = f.run(rules, YearMonth.of(2026, 9), "PUBLISHED");
            f.score(september, "A", "regular", "55.50");
            f.score(september, "E", "loyal", "70");
            Run unfinished = f.run(rules, YearMonth.of(2026, 9), "FAILED");
            f.score(unfinished, "A", "advocate", "90");
        });

        int passesBefore = CallProfiles.passesHeld();
        int surveyPassesBefore = SurveyProfiles.passesHeld();
        List<CustomerProfile> profiles = database.read(em -> {
            List<CustomerProfile> all = new ArrayList<>();
            long built = new EngagementProfiles(em).forEachPage(OCTOBER, all::addAll);
            assertThat(built).isEqualTo(3);
            return all;
        });

        assertThat(profiles).extracting(CustomerProfile::getCustomerRef).containsExactly("A", "B", "E");
        assertThat(CallProfiles.passesHeld()).as("the calls grouped for the pages, let go after them")
                .isEqualTo(passesBefore);
        assertThat(SurveyProfiles.passesHeld()).as("the survey answers grouped for the pages, let go after them")
                .isEqualTo(surveyPassesBefore);
        CustomerProfile a = profiles.get(0);
        assertThat(a.getSegment()).isEqualTo("retail");
        assertThat(a.getValueBand()).isEqualTo("high");
        assertThat(a.isConsentToAnalytics()).isTrue();
        assertThat(a.getTenureMonths()).isEqualTo(81);                 // 2020-01-15 to 2026-11-01
        assertThat(a.getProductsHeld()).isEqualTo(3);                  // broadband, mobile, tv
        assertThat(a.getPurchasesLast90Days()).isEqualTo(2);
        assertThat(a.getDaysSinceLastPurchase()).isEqualTo(0);
        assertThat(a.getSpendTrendPercent()).isEqualTo(25.0);          // (100 − 80) / 80
        assertThat(a.getSelfServiceSuccesses()).isEqualTo(2);
        assertThat(a.getLatestNps()).isEqualTo(9);
        assertThat(a.getLatestCsat()).isNull();
        assertThat(a.getLatestEffort()).isEqualTo(6);
        assertThat(a.getDaysSinceLatestSurvey()).isEqualTo(11);        // 20 to 31 October
        assertThat(a.getCompliments()).isEqualTo(2);
        assertThat(a.getComplaints()).isEqualTo(1);
        assertThat(a.getFeedbackGiven()).isEqualTo(4);                 // 1 comment + 2 compliments + 1 complaint
        assertThat(a.isCalledBackSinceLatestSurvey()).isTrue();
        assertThat(a.getPreviousStage()).isEqualTo(Stage.REGULAR);     // the latest published September run
        assertThat(a.getPreviousIndex()).isEqualTo(56);                // 55.50 half up

        CustomerProfile b = profiles.get(1);
        assertThat(b.isConsentToAnalytics()).isFalse();
        assertThat(b.getTenureMonths()).isEqualTo(1);
        assertThat(b.getProductsHeld()).isEqualTo(1);
        assertThat(b.getPurchasesLast90Days()).isZero();
        assertThat(b.getDaysSinceLastPurchase()).isEqualTo(122);       // 1 July to 31 October
        assertThat(b.getSpendTrendPercent()).isEqualTo(-100.0);        // (0 − 20) / 20
        assertThat(b.getSelfServiceSuccesses()).isZero();
        assertThat(b.getLatestNps()).isNull();
        assertThat(b.getDaysSinceLatestSurvey()).isNull();
        assertThat(b.getFeedbackGiven()).isZero();
        assertThat(b.isCalledBackSinceLatestSurvey()).isFalse();
        assertThat(b.getPreviousStage()).isNull();
        assertThat(b.getPreviousIndex()).isNull();

        CustomerProfile e = profiles.get(2);
        assertThat(e.getTenureMonths()).isZero();                      // since unknown
        assertThat(e.getProductsHeld()).isZero();
        assertThat(e.getDaysSinceLastPurchase()).isNull();
        assertThat(e.getSpendTrendPercent()).isZero();                 // nothing spent before
        assertThat(e.getLatestNps()).isEqualTo(2);
        assertThat(e.getLatestCsat()).isEqualTo(1);
        assertThat(e.getLatestEffort()).isEqualTo(1);
        assertThat(e.getDaysSinceLatestSurvey()).isEqualTo(1);
        assertThat(e.getFeedbackGiven()).isEqualTo(1);
        assertThat(e.isCalledBackSinceLatestSurvey()).isFalse();       // the call back came before the response
        assertThat(e.getPreviousStage()).isEqualTo(Stage.LOYAL);
        assertThat(e.getPreviousIndex()).isEqualTo(70);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void pagesFollowTheExternalIdAndTiesOnTheLatestResponseGoToTheLastStored(TestDatabase database) {
        on(database);
        database.write(em -> {
            EngagementFixtures f = new EngagementFixtures(em);
            f.customer("K2", "2020-01-01", null, null, null, true);
            f.customer("K1", "2020-01-01", null, null, null, true);
            f.customer("K3", "2020-01-01", null, null, null, true);
            f.response("K1", "2026-10-05T10:00:00", 4, null, null, null);
            f.response("K1", "2026-10-05T10:00:00", 8, null, null, null);
        });

        List<List<String>> pages = database.read(em -> {
            EngagementProfiles profiles = new EngagementProfiles(em);
            profiles.prepare(OCTOBER, "paging");
            List<List<String>> refs = new ArrayList<>();
            String after = "";
            List<CustomerProfile> page;
            while (!(page = profiles.page(OCTOBER, "paging", after, 2)).isEmpty()) {
                refs.add(page.stream().map(CustomerProfile::getCustomerRef).toList());
                if (refs.size() == 1) {
                    assertThat(page.get(0).getLatestNps()).isEqualTo(8);
                }
                after = page.get(page.size() - 1).getCustomerRef();
            }
            return refs;
        });

        assertThat(pages).containsExactly(List.of("K1", "K2"), List.of("K3"));
    }
}
