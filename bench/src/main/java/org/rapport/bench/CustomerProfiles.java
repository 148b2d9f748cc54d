package org.rapport.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.Stage;

/** Generated customers with plausible spreads of every pillar input; the same seed gives the same customers. */
final class CustomerProfiles {

    private CustomerProfiles() {
    }

    static List<CustomerProfile> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CustomerProfile> customers = new ArrayList<>(count);
        for (int number = 0; number < count; number++) {
            boolean surveyed = random.nextInt(3) > 0;
            boolean bought = random.nextInt(10) > 0;
            boolean known = random.nextInt(4) > 0;
            customers.add(new CustomerProfile(String.format("C-%07d", number))
                    .segment(random.nextBoolean() ? "consumer" : "business")
                    .valueBand(List.of("low", "medium", "high").get(random.nextInt(3)))
                    .consentToAnalytics(random.nextInt(10) > 0)
                    .consentToContact(random.nextInt(4) > 0)
                    .productsHeld(random.nextInt(6))
                    .selfServiceSuccesses(random.nextInt(8))
                    .tenureMonths(random.nextInt(120))
                    .latestNps(surveyed ? random.nextInt(11) : null)
                    .latestCsat(surveyed ? 1 + random.nextInt(5) : null)
                    .latestEffort(surveyed && random.nextBoolean() ? 1 + random.nextInt(7) : null)
                    .daysSinceLatestSurvey(surveyed ? random.nextInt(365) : null)
                    .calledBackSinceLatestSurvey(random.nextInt(3) == 0)
                    .feedbackGiven(random.nextInt(5))
                    .compliments(random.nextInt(3))
                    .complaints(random.nextInt(3))
                    .purchasesLast90Days(bought ? random.nextInt(10) : 0)
                    .daysSinceLastPurchase(bought ? random.nextInt(200) : null)
                    .spendTrendPercent(random.nextInt(-60, 61))
                    .referrals(random.nextInt(4))
                    .shareOfWalletPercent(random.nextBoolean() ? (double) random.nextInt(101) : null)
                    .previousStage(known ? Stage.values()[random.nextInt(Stage.values().length)] : null)
                    .previousIndex(known ? random.nextInt(101) : null));
        }
        return customers;
    }
}
