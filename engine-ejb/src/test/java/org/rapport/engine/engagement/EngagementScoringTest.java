package org.rapport.engine.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.kpi.EngagedContacts;
import org.rapport.engine.kpi.ReportingMonth;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.run.CustomerScore;
import org.rapport.engine.run.Run;
import org.rapport.engine.servicecase.ServiceCaseKind;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.engine.CustomerEvaluation;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;

class EngagementScoringTest extends PersistenceSpec {

    private static final RuleEngine ENGINE = new RuleEngine();

    private static final ReportingMonth OCTOBER = ReportingMonth.of(YearMonth.of(2026, 10));

    /** Action records keep their run by id, not by foreign key: emptied here, before the shared clean-up. */
    @AfterEach
    void emptyActions() {
        if (database != null) {
            database.write(em -> em.createQuery("delete from CustomerActionRecord").executeUpdate());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void storesOneScorePerConsentingCustomerAndNoneWithoutConsentAndRedoingDoesNotDuplicate(TestDatabase database) {
        on(database);
        long runId = octoberOfFourCustomers(database);

        List<Integer> progress = new ArrayList<>();
        long first = database.read(em -> new EngagementScoring(em).score(runId, ENGINE, progress::add));
        long again = database.read(em -> new EngagementScoring(em).score(runId, ENGINE, progress::add));

        assertThat(first).isEqualTo(2);
        assertThat(again).isEqualTo(2);
        assertThat(progress).containsExactly(2, 2);

        // What the rules make of the same profiles is exactly what was stored, once per consenting customer.
        CustomerEvaluation expected = database.read(em -> {
            List<CustomerProfile> profiles = new ArrayList<>();
            new EngagementProfiles(em).forEachPage(ReportingMonth.of(YearMonth.of(2026, 10)), profiles::addAll);
            Run run = em.find(Run.class, runId);
            return ENGINE.score(run.getRuleSetVersion(), profiles);
        });
        List<CustomerScore> stored = database.read(em -> em.createQuery(
                        "select s from CustomerScore s where s.run.id = :run order by s.customerRef", CustomerScore.class)
                .setParameter("run", runId).getResultList());
        assertThat(stored).extracting(CustomerScore::getCustomerRef).containsExactly("A", "C");
        assertThat(stored).allSatisfy(score -> assertThat(score.getStage())
                .isIn("unengaged", "casual", "regular", "loyal", "advocate"));
        assertThat(stored).extracting(s -> s.getCognitive().intValue(), s -> s.getEmotional().intValue(),
                        s -> s.getBehavioural().intValue(), s -> s.getIndex().intValue(), CustomerScore::getStage)
                .containsExactlyElementsOf(expected.scores().stream()
                        .map(s -> tuple(s.getCognitive(), s.getEmotional(), s.getBehavioural(), s.getIndex(),
                                s.getStage().name().toLowerCase(java.util.Locale.ROOT)))
                        .toList());
        assertThat(expected.scores()).extracting(EngagementScore::getCustomerRef).containsExactly("A", "C");

        List<CustomerActionRecord> actions = database.read(em -> new EngagementScoring(em).actions(runId));
        assertThat(actions).extracting(CustomerActionRecord::getCustomerRef, CustomerActionRecord::getKind,
                        CustomerActionRecord::getReason)
                .containsExactlyInAnyOrderElementsOf(expected.actions().stream()
                        .map(a -> tuple(a.customerRef(), a.kind(), a.reason())).toList());
        assertThat(actions).extracting(CustomerActionRecord::getCustomerRef).doesNotContain("B");
    }
    /** Four customers (one without consent, one who left), their October, and a published September. */
    private static long octoberOfFourCustomers(TestDatabase database) {
        return database.read(em -> {
            EngagementFixtures f = new EngagementFixtures(em);
            f.customer("A", "2020-01-15", null, "retail", "high", true);
            f.customer("B", "2021-01-01", null, "retail", "low", false);   // withheld consent
            f.customer("C", "2026-06-01", null, "business", "low", true);
            f.customer("D", "2020-01-01", "2026-10-10", "retail", "low", true); // left in October
            f.purchase("A", "2026-10-30", "60", "broadband");
            f.purchase("A", "2026-09-30", "60", "mobile");
            f.purchase("B", "2026-10-30", "60", "broadband");
            f.call("A", "2026-10-10T12:00:00", CallOutcome.SELF_SERVED, false);
            f.response("A", "2026-10-20T10:00:00", 10, 5, 7, "great");
            f.response("C", "2026-10-20T10:00:00", 1, 1, 1, "awful");
            f.serviceCase("C", "2026-10-21T10:00:00", ServiceCaseKind.COMPLAINT);
            RuleSetVersion rules = f.rules();
            Run september = f.run(rules, YearMonth.of(2026, 9), "PUBLISHED");
            f.score(september, "C", "loyal", "80");
            return f.run(rules, YearMonth.of(2026, 10), "RUNNING").getId();
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void scoringPageByPageEachInItsOwnTransactionStoresWhatScoringAtOnceStores(TestDatabase database) {
        on(database);
        long runId = octoberOfFourCustomers(database);

        boolean anythingToScore = database.read(em -> new EngagementScoring(em).start(runId, ENGINE));
        assertThat(anythingToScore).isTrue();
        String after = "";
        List<Integer> pageScores = new ArrayList<>();
        while (true) {
            String from = after;
            EngagementScoring.ScoredPage page = database.read(em -> new EngagementScoring(em)
                    .scorePage(runId, ENGINE, from, 1));
            pageScores.add(page.scores());
            if (page.last()) {
                break;
            }
            after = page.lastCustomer();
        }
        List<String> byPages = storedScoresAndActions(database, runId);
        assertThat(groupedCalls(runId)).as("the month's calls grouped once for every page").isTrue();
        database.read(em -> {
            new EngagementScoring(em).finish(runId);
            return null;
        });
        assertThat(groupedCalls(runId)).as("and let go once the last page is scored").isFalse();

        database.read(em -> new EngagementScoring(em).score(runId, ENGINE, scored -> { }));
        assertThat(groupedCalls(runId)).as("scoring at once lets them go too").isFalse();

        assertThat(pageScores).as("a customer a page").hasSizeGreaterThan(2);
        assertThat(pageScores.stream().mapToInt(Integer::intValue).sum()).as("no score without consent").isEqualTo(2);
        assertThat(byPages).isNotEmpty().isEqualTo(storedScoresAndActions(database, runId));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rangesOfCustomersScoredSideBySideStoreWhatOneRangeScoredPageByPageStores(TestDatabase database) {
        on(database);
        long runId = octoberOfFourCustomers(database);
        database.read(em -> new EngagementScoring(em).start(runId, ENGINE));
        SideBySideScoring.Scored oneRange = new SideBySideScoring(Executors.defaultThreadFactory(), 1)
                .score(List.of(CustomerRange.ALL), pagesOfOne(database, runId), customers -> { });
        List<String> byOneRange = storedScoresAndActions(database, runId);

        database.read(em -> new EngagementScoring(em).start(runId, ENGINE));
        List<CustomerRange> ranges = ranges(database, 2, 1);
        List<Long> progress = new ArrayList<>();
        SideBySideScoring.Scored sideBySide = new SideBySideScoring(Executors.defaultThreadFactory(), 2)
                .score(ranges, pagesOfOne(database, runId), progress::add);
        database.write(em -> new EngagementScoring(em).finish(runId));

        assertThat(ranges).as("A, B and C are active at October's end; D left in October")
                .containsExactly(new CustomerRange("", "A"), new CustomerRange("A", null));
        assertThat(storedScoresAndActions(database, runId)).isNotEmpty().isEqualTo(byOneRange);
        assertThat(sideBySide.scores()).isEqualTo(oneRange.scores()).isEqualTo(2);
        assertThat(sideBySide.contacts()).as("A's self-served call and C's complaint, whichever range read them")
                .isEqualTo(oneRange.contacts()).isNotEqualTo(new EngagedContacts());
        assertThat(progress).as("the customers scored in both ranges, after each page").isSorted().endsWith(2L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthsActiveCustomersAreCutIntoConsecutiveRangesOfAboutAsManyEach(TestDatabase database) {
        on(database);
        assertThat(ranges(database, 2, 1))
                .as("no customers: one range").containsExactly(CustomerRange.ALL);
        database.write(em -> {
            EngagementFixtures f = new EngagementFixtures(em);
            for (int customer = 0; customer < 10; customer++) {
                f.customer("C0" + customer, "2020-01-01", null, "retail", "low", true);
            }
            f.customer("C05a", "2020-01-01", "2026-09-30", "retail", "low", true);  // gone before October
            f.customer("C05b", "2026-11-02", null, "retail", "low", true);          // not there yet
        });

        assertThat(ranges(database, 3, 1))
                .as("3, 3 and 4 of the 10 active customers").containsExactly(new CustomerRange("", "C02"),
                        new CustomerRange("C02", "C05"), new CustomerRange("C05", null));
        assertThat(ranges(database, 3, 4))
                .as("at least 4 a range: two ranges").containsExactly(new CustomerRange("", "C04"),
                        new CustomerRange("C04", null));
        assertThat(ranges(database, 3, 11))
                .as("fewer than a range's worth: one range").containsExactly(CustomerRange.ALL);
        assertThat(database.<List<CustomerRange>>read(em -> new EngagementProfiles(em).ranges(OCTOBER, 3)))
                .as("a page of customers at least, in the server").containsExactly(CustomerRange.ALL);
        assertThatThrownBy(() -> database.read(em -> new EngagementProfiles(em).ranges(OCTOBER, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<CustomerRange> ranges(TestDatabase database, int parts, int atLeast) {
        return database.read(em -> new EngagementProfiles(em).ranges(OCTOBER, parts, atLeast));
    }

    /** Each page of one customer, in a transaction of its own, as the server scores a page. */
    private static SideBySideScoring.Pages pagesOfOne(TestDatabase database, long runId) {
        return (range, after) -> database.read(em -> new EngagementScoring(em).scorePage(runId, ENGINE, range, after,
                1));
    }

    private static boolean groupedCalls(long runId) {
        return EngagementScoring.holdsGroupedCalls(runId);
    }

    private static List<String> storedScoresAndActions(TestDatabase database, long runId) {
        List<String> stored = new ArrayList<>(database.read(em -> em.createQuery(
                        "select s from CustomerScore s where s.run.id = :run order by s.customerRef", CustomerScore.class)
                .setParameter("run", runId).getResultStream()
                .map(score -> score.getCustomerRef() + " " + score.getIndex() + " " + score.getStage()).toList()));
        stored.addAll(database.read(em -> new EngagementScoring(em).actions(runId).stream()
                .map(action -> action.getCustomerRef() + " " + action.getKind()).toList()));
        return stored;
    }
}
