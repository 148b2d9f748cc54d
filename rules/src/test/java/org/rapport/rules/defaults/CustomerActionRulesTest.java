package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.rules.defaults.DefaultRules.consenting;
import static org.rapport.rules.defaults.DefaultRules.score;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rapport.rules.facts.ActionKind;
import org.rapport.rules.facts.CustomerAction;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Stage;

/** customer-actions.drl: who the CRM is asked to call, invite or look at, and why. */
class CustomerActionRulesTest {

    /** Scores 100 on every pillar: qualifies for advocate. */
    private static CustomerProfile advocate(String ref) {
        return consenting(ref).productsHeld(4).selfServiceSuccesses(5).tenureMonths(60)
                .latestNps(10).latestCsat(5).latestEffort(7).daysSinceLatestSurvey(40).feedbackGiven(3).compliments(2)
                .purchasesLast90Days(6).daysSinceLastPurchase(3).spendTrendPercent(50).referrals(3)
                .shareOfWalletPercent(100.0).previousStage(Stage.ADVOCATE).previousIndex(100);
    }

    @Nested
    @DisplayName("Advocates are invited to tell others")
    class AdvocateInvite {

        @Test
        @DisplayName("an advocate who is a promoter and agreed to be contacted is invited, with the figures")
        void invited() {
            assertThat(actions(advocate("C-1"))).singleElement().isEqualTo(new CustomerAction("C-1",
                    ActionKind.ADVOCATE_INVITE, "Advocate with engagement index 100 and NPS 10"));
        }

        @Test
        @DisplayName("no invitation without consent to contact, without a promoter score, or before reaching advocate")
        void notInvited() {
            assertThat(actions(advocate("C-1").consentToContact(false))).isEmpty();
            assertThat(actions(advocate("C-2").latestNps(8))).isEmpty();
            assertThat(actions(advocate("C-3").latestNps(null))).isEmpty();
            // qualifies for advocate, but was regular last month: loyal this month
            assertThat(actions(advocate("C-4").previousStage(Stage.REGULAR))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Customers whose index fell sharply are flagged")
    class IndexFellSharply {

        @Test
        @DisplayName("a fall of 15 points or more is flagged with both figures")
        void fellSharply() {
            // the advocate scores 100: last month 115 is impossible, so take the index down instead
            CustomerProfile fallen = consenting("C-1").previousIndex(23); // index 8, see EngagementRulesTest

            assertThat(actions(fallen)).singleElement().isEqualTo(new CustomerAction("C-1",
                    ActionKind.INDEX_FELL_SHARPLY, "Engagement index fell from 23 to 8 (-15 points)"));
        }

        @Test
        @DisplayName("a fall of 14 points, a rise, or no index last month is not flagged")
        void notSharp() {
            assertThat(actions(consenting("C-1").previousIndex(22))).isEmpty();
            assertThat(actions(consenting("C-2").previousIndex(0))).isEmpty();
            assertThat(actions(consenting("C-3"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Detractors are called back")
    class DetractorCallBack {

        private CustomerProfile detractor() {
            return consenting("C-1").latestNps(4).daysSinceLatestSurvey(12);
        }

        @Test
        @DisplayName("a detractor in the last 30 days who was not called back is called back")
        void calledBack() {
            assertThat(actions(detractor())).singleElement().isEqualTo(new CustomerAction("C-1",
                    ActionKind.DETRACTOR_CALL_BACK, "NPS 4 given 12 days before month end, not called back"));
        }

        @Test
        @DisplayName("no call back for a passive, an old answer, one already called back, or without consent to contact")
        void notCalledBack() {
            assertThat(actions(detractor().latestNps(7))).isEmpty();
            assertThat(actions(detractor().daysSinceLatestSurvey(31))).isEmpty();
            assertThat(actions(detractor().calledBackSinceLatestSurvey(true))).isEmpty();
            assertThat(actions(detractor().consentToContact(false))).isEmpty();
        }
    }

    @Test
    @DisplayName("actions come sorted by customer and kind")
    void sorted() {
        List<CustomerAction> actions = actions(
                consenting("C-2").latestNps(0).daysSinceLatestSurvey(1).previousIndex(90),
                advocate("C-1"));

        assertThat(actions).extracting(CustomerAction::customerRef, CustomerAction::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C-1", ActionKind.ADVOCATE_INVITE),
                org.assertj.core.groups.Tuple.tuple("C-2", ActionKind.INDEX_FELL_SHARPLY),
                org.assertj.core.groups.Tuple.tuple("C-2", ActionKind.DETRACTOR_CALL_BACK));
    }

    private static List<CustomerAction> actions(CustomerProfile... customers) {
        return score(customers).actions();
    }
}
