package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.rules.defaults.DefaultRules.consenting;
import static org.rapport.rules.defaults.DefaultRules.score;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;

/**
 * engagement-pillars.drl, engagement-weights.drl.csv, engagement-stages.drl.csv and engagement-stage.drl:
 * every expected figure below is worked out by hand from the formulas in the header of engagement-pillars.drl.
 */
class EngagementRulesTest {

    /** 3 products (30) + no self-service (0) + 40 months (20) = 50; NPS 10 and CSAT 5 (50) + 2 feedback (20) + 1 compliment (15) = 85. */
    private static CustomerProfile loyalGymMember() {
        return consenting("C-1").productsHeld(3).tenureMonths(40)
                .latestNps(10).latestCsat(5).feedbackGiven(2).compliments(1)
                .purchasesLast90Days(5).daysSinceLastPurchase(10).referrals(2);
    }

    @Nested
    @DisplayName("Pillars and index")
    class PillarsAndIndex {

        @Test
        @DisplayName("a customer's pillars and index follow the documented formulas")
        void handWorkedCustomer() {
            // behavioural: 5 purchases (25) + 10 days ago (20) + flat spend (10) + 2 referrals (10) = 65,
            // share of wallet unknown so scaled by 100/85 = 76.5 -> 76
            // index: (50 x 30 + 85 x 30 + 76 x 40) / 100 = 70.9 -> 71
            EngagementScore score = onlyScore(loyalGymMember());

            assertThat(score.getCognitive()).isEqualTo(50);
            assertThat(score.getEmotional()).isEqualTo(85);
            assertThat(score.getBehavioural()).isEqualTo(76);
            assertThat(score.getIndex()).isEqualTo(71);
        }

        @Test
        @DisplayName("a known share of wallet adds up to 15 points instead of scaling the other parts")
        void knownShareOfWallet() {
            // 65 + 0.15 x 60 = 74
            assertThat(onlyScore(loyalGymMember().shareOfWalletPercent(60.0)).getBehavioural()).isEqualTo(74);
        }

        @Test
        @DisplayName("every part is capped, so the most engaged customer scores 100 on every pillar")
        void capped() {
            EngagementScore score = onlyScore(consenting("C-2").productsHeld(9).selfServiceSuccesses(12).tenureMonths(200)
                    .latestNps(10).latestCsat(5).latestEffort(7).feedbackGiven(8).compliments(6)
                    .purchasesLast90Days(20).daysSinceLastPurchase(1).spendTrendPercent(300).referrals(9)
                    .shareOfWalletPercent(100.0));

            assertThat(score).extracting(EngagementScore::getCognitive, EngagementScore::getEmotional,
                    EngagementScore::getBehavioural, EngagementScore::getIndex).containsExactly(100, 100, 100, 100);
        }

        @Test
        @DisplayName("a customer we know nothing about scores 0, except the neutral compliments balance and spend trend")
        void unknownCustomer() {
            // emotional: 10 + 5 x 0 = 10; behavioural: flat spend 10, scaled by 100/85 = 11.8 -> 12
            EngagementScore score = onlyScore(consenting("C-3"));

            assertThat(score).extracting(EngagementScore::getCognitive, EngagementScore::getEmotional,
                    EngagementScore::getBehavioural, EngagementScore::getIndex).containsExactly(0, 10, 12, 8);
        }

        @ParameterizedTest(name = "NPS {0}, CSAT {1}, effort {2}: emotional {3}")
        @DisplayName("the survey part is the mean of the answers given, each put on 0-50, plus the neutral balance of 10")
        @CsvSource(nullValues = "-", value = {
                "10, -, -, 60",
                "0,  -, -, 10",
                "-,  3, -, 35", // (3 - 1) x 12.5 = 25
                "-,  -, 4, 35", // (4 - 1) x 50 / 6 = 25
                "6,  2, 7, 41", // (30 + 12.5 + 50) / 3 = 30.8, + 10 = 40.8
        })
        void surveyPart(Integer nps, Integer csat, Integer effort, int expectedEmotional) {
            EngagementScore score = onlyScore(consenting("C-4").latestNps(nps).latestCsat(csat).latestEffort(effort));

            assertThat(score.getEmotional()).isEqualTo(expectedEmotional);
        }

        @Test
        @DisplayName("complaints outweighing compliments lower the emotional pillar, down to nothing for that part")
        void complaints() {
            assertThat(onlyScore(consenting("C-5").feedbackGiven(1).complaints(1)).getEmotional()).isEqualTo(15);
            assertThat(onlyScore(consenting("C-6").feedbackGiven(3).complaints(4)).getEmotional()).isEqualTo(30);
        }
    }

    @Nested
    @DisplayName("Consent")
    class Consent {

        @Test
        @DisplayName("a customer who withheld consent to analytics gets no score and no action, whatever their figures")
        void withheldConsent() {
            CustomerProfile withheld = loyalGymMember().consentToAnalytics(false).previousIndex(99)
                    .latestNps(2).daysSinceLatestSurvey(3);

            var evaluation = score(withheld, loyalGymMember());

            assertThat(evaluation.scores()).extracting(EngagementScore::getCustomerRef).containsExactly("C-1");
            assertThat(evaluation.actions()).isEmpty();
        }
    }

    private static EngagementScore onlyScore(CustomerProfile customer) {
        var scores = score(customer).scores();
        assertThat(scores).hasSize(1);
        return scores.get(0);
    }
}
