package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.engine.contact.CallOutcome.ANSWERED;
import static org.rapport.engine.servicecase.ServiceCaseKind.REQUEST;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.kpi.ContactCosts;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetLifecycle;
import org.rapport.engine.ruleset.RuleSetRejectedException;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleSetCompiler;

/**
 * A stored run is reproducible: worked out again from the stored facts with the rule-set version it
 * recorded, it gives the same figures, grades, themes and triggers — also after a newer version with
 * other targets became active.
 */
class RunReplayTest extends PersistenceSpec {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    /** Each test compiles its own: versions of different databases may share an id. */
    private final RuleEngine rules = new RuleEngine();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoredRunIsWorkedOutAgainWithItsOwnRuleSetVersionAfterANewerOneWasActivated(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));
        long first = completeRun();
        assertThat(p90(first)).containsExactly("15.00 RED");
        assertThat(triggerCodes(first)).contains("TRAPPED_IN_SELF_SERVICE", "RECURRING_REQUEST_PAPERLESS_BILLING");

        activateLenientWaitingTargets();
        long second = completeRun();

        // the newer version grades the same month differently: the comparison below is not vacuous
        assertThat(p90(second)).containsExactly("15.00 GREEN");
        assertThat(triggerCodes(second)).doesNotContain("TRAPPED_IN_SELF_SERVICE");
        RunReplay.Replay replay = database.read(entityManager -> replay(entityManager, first));
        assertThat(replay.ruleSetVersion()).startsWith("v").contains("default");
        assertThat(replay.kpiLines()).isGreaterThan(KpiCatalogue.all().size());
        assertThat(replay.differences()).isEmpty();
        assertThat(replay.reproduced()).isTrue();
        assertThat(database.read(entityManager -> replay(entityManager, second)).differences()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReplayNamesWhatChangedWhenFactsForTheMonthArrivedAfterTheRun(TestDatabase database) {
        on(database).write(entityManager -> october(new Facts(entityManager)));
        long run = completeRun();

        database.write(entityManager -> new Facts(entityManager)
                .answer("B", "2026-10-30T10:00:00", "call", 10, null, null, null));

        List<String> differences = database.read(entityManager -> replay(entityManager, run)).differences();
        // NPS was one promoter and one detractor (0 of 2 answers); the late promoter makes it 33.33 of 3
        assertThat(differences).anySatisfy(difference -> assertThat(difference)
                .startsWith("NPS [overall]: stored 0.0000 (n=2, target 30.0000, RED)")
                .endsWith("replayed 33.33 (n=3, target 30, GREEN)"));
        assertThat(differences).contains("customer scores: 1 scored differently or not stored");
    }

    /**
     * Customer A (retail, high) and B (business, low); every call waited 15 minutes for a human (P90 15,
     * red against 9.5); one promoter and one detractor; eleven requests to go paperless.
     */
    private static void october(Facts facts) {
        facts.customerIn("A", "retail", "high");
        facts.customerIn("B", "business", "low");
        facts.answer("A", "2026-10-02T10:00:00", "call", 10, 5, 6, "Lovely, but please go paperless");
        facts.answer("B", "2026-10-03T10:00:00", "shop", 2, 1, 2, "No e-bill yet?");
        for (int day = 1; day <= 10; day++) {
            facts.call(day % 2 == 0 ? "A" : "B", "2026-10-%02dT09:00:00".formatted(day), 870, ANSWERED, 0, 0,
                    true, "phone");
            facts.serviceCase(day % 2 == 0 ? "A" : "B", "2026-10-%02dT11:00:00Z".formatted(day), null, "email",
                    REQUEST, "Wants paperless billing");
        }
    }

    private long completeRun() {
        long runId = database.read(entityManager -> steps(entityManager).create(OCTOBER, RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).closeIntake(runId));
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).score(runId, scored -> { }));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        return runId;
    }

    /** A version in which waiting 15 minutes for a human is green: P90 target 20, nobody over 9.5 is red. */
    private void activateLenientWaitingTargets() {
        List<RuleFileSource> files = DefaultRuleSet.files().stream().map(file -> {
            if (!file.name().equals("kpi-targets.drl.csv")) {
                return file;
            }
            String targets = new String(file.content(), StandardCharsets.UTF_8)
                    .replace("\"TIME_TO_HUMAN_P90\",\"LOWER_IS_BETTER\",\"12\",\"9.5\"",
                            "\"TIME_TO_HUMAN_P90\",\"LOWER_IS_BETTER\",\"30\",\"20\"")
                    .replace("\"TIME_TO_HUMAN_OVER_9_5\",\"LOWER_IS_BETTER\",\"20\",\"10\"",
                            "\"TIME_TO_HUMAN_OVER_9_5\",\"LOWER_IS_BETTER\",\"100\",\"100\"");
            assertThat(targets).contains("\"30\",\"20\"").contains("\"100\",\"100\"");
            return RuleFileSource.ofText(file.name(), targets);
        }).toList();
        database.write(entityManager -> {
            RuleSetLifecycle lifecycle = new RuleSetLifecycle(entityManager, new RuleSetCompiler(), Clock.systemUTC());
            try {
                lifecycle.activate(lifecycle.draft("lenient waiting", "strategy", files).getId(), "alice",
                        "waiting targets relaxed");
            } catch (RuleSetRejectedException e) {
                throw new AssertionError(e.getMessage() + " " + e.messages(), e);
            }
        });
    }

    private List<String> p90(long runId) {
        return database.read(entityManager -> entityManager.createQuery("""
                        select k from KpiValue k where k.run.id = :run and k.code = 'TIME_TO_HUMAN_P90'
                          and k.dimension = 'overall'""", KpiValue.class)
                .setParameter("run", runId).getResultStream()
                .map(value -> value.getValue().setScale(2) + " " + value.getRag()).toList());
    }

    private List<String> triggerCodes(long runId) {
        return database.read(entityManager -> entityManager.createQuery(
                        "select t.code from Trigger t where t.run.id = :run", String.class)
                .setParameter("run", runId).getResultList());
    }

    private RunReplay.Replay replay(EntityManager entityManager, long runId) {
        return new RunReplay(entityManager, rules, ContactCosts.standard()).replay(runId);
    }

    private RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, rules, Clock.systemUTC());
    }
}
