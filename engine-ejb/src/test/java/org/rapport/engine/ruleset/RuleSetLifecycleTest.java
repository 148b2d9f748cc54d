package org.rapport.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleMessage;
import org.rapport.rules.engine.RuleSetCompiler;

class RuleSetLifecycleTest extends PersistenceSpec {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();
    private static final RuleEngine RULES = new RuleEngine();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path packs;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftThatCompilesIsValidatedActivatedAndAudited(TestDatabase database) throws Exception {
        on(database);
        long live = database.read(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());
        long draft = database.read(entityManager ->
                lifecycle(entityManager).draft("stricter NPS", "strategy", DefaultRuleSet.files()).getId());

        List<RuleMessage> problems = database.read(entityManager -> lifecycle(entityManager).validate(draft).problems());
        RuleSetActivation activation = database.read(entityManager -> {
            try {
                return lifecycle(entityManager).activate(draft, "alice", "NPS target raised");
            } catch (RuleSetRejectedException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(problems).isEmpty();
        assertThat(activation.getActivatedBy()).isEqualTo("alice");
        assertThat(activation.getComment()).isEqualTo("NPS target raised");
        assertThat(status(live)).isEqualTo(RuleSetStatus.RETIRED);
        assertThat(status(draft)).isEqualTo(RuleSetStatus.ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBrokenDraftKeepsItsMessagesAndCanNeverReplaceTheActiveSet(TestDatabase database) {
        on(database);
        long live = database.read(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());
        List<RuleFileSource> broken = new ArrayList<>(DefaultRuleSet.files());
        broken.add(RuleFileSource.ofText("typo.drl", """
                package org.rapport.rules
                rule "A rule with a typo"
                when
                    $kpi : Kpi( code == "NPS" &&& )
                then
                end
                """));
        long draft = database.read(entityManager -> lifecycle(entityManager).draft("typo", "bob", broken).getId());

        List<RuleMessage> problems = database.read(entityManager -> lifecycle(entityManager).validate(draft).problems());

        assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem.file()).isEqualTo("typo.drl"));
        assertThat(status(draft)).isEqualTo(RuleSetStatus.DRAFT);
        assertThatThrownBy(() -> database.write(entityManager -> {
            try {
                lifecycle(entityManager).activate(draft, "bob", "try anyway");
            } catch (RuleSetRejectedException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        })).hasMessageContaining("does not compile");
        assertThat(status(live)).isEqualTo(RuleSetStatus.ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftWhoseRuleMetadataWouldRunACommandIsRefusedBeforeAnythingRuns(TestDatabase database) {
        on(database);
        java.nio.file.Path marker = packs.resolve("marker");
        long live = database.read(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());
        List<RuleFileSource> escaping = new ArrayList<>(DefaultRuleSet.files());
        escaping.add(RuleFileSource.ofText("escape.drl", """
                package org.rapport.rules
                import org.rapport.rules.facts.Kpi
                rule "Metadata that runs a command"
                    @note( Runtime.getRuntime().exec( new String[] { "touch", "MARKER" } ) )
                when
                    $kpi : Kpi()
                then
                end
                """.replace("MARKER", marker.toString())));
        long draft = database.read(entityManager -> lifecycle(entityManager).draft("escape", "mallory", escaping).getId());

        List<RuleMessage> problems = database.read(entityManager -> lifecycle(entityManager).validate(draft).problems());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("escape.drl");
            assertThat(problem.line()).isEqualTo(4);
            assertThat(problem.text()).startsWith("Sandbox: the value of @note must be a plain literal");
        });
        assertThat(marker).doesNotExist();
        assertThat(status(draft)).isEqualTo(RuleSetStatus.DRAFT);
        assertThat(status(live)).isEqualTo(RuleSetStatus.ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftThatFailsOneOfItsScenariosCanNeverBecomeActive(TestDatabase database) {
        on(database);
        List<RuleFileSource> withWrongExpectation = new ArrayList<>(DefaultRuleSet.files());
        withWrongExpectation.add(RuleFileSource.ofText("wrong.scenario.json", """
                {"scenario": "An NPS of 35 is red",
                 "given": {"kpis": [{"code": "NPS", "value": 35}]},
                 "expect": {"rag": {"NPS": "RED"}}}"""));
        long draft = database.read(entityManager ->
                lifecycle(entityManager).draft("wrong scenario", "bob", withWrongExpectation).getId());

        List<RuleMessage> problems = database.read(entityManager -> lifecycle(entityManager).validate(draft).problems());

        assertThat(problems).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("wrong.scenario.json"));
        assertThat(status(draft)).isEqualTo(RuleSetStatus.DRAFT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollingBackMakesAnEarlierVersionLiveAgainAndSaysSo(TestDatabase database) throws Exception {
        on(database);
        long first = database.read(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());
        long second = database.read(entityManager ->
                lifecycle(entityManager).draft("second", "strategy", DefaultRuleSet.files()).getId());
        database.write(entityManager -> activate(entityManager, second, "go live"));

        database.write(entityManager -> activate(entityManager, first, "back to the default"));

        assertThat(status(first)).isEqualTo(RuleSetStatus.ACTIVE);
        assertThat(status(second)).isEqualTo(RuleSetStatus.RETIRED);
        List<Boolean> rollbacks = database.read(entityManager -> lifecycle(entityManager).activations().stream()
                .map(RuleSetActivation::isRollback).toList());
        assertThat(rollbacks).containsExactly(true, false);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDryRunShowsWhatTheDraftWouldChangeOverTheLastPublishedMonth(TestDatabase database) {
        on(database);
        database.write(entityManager -> {
            org.rapport.engine.testing.Facts facts = new org.rapport.engine.testing.Facts(entityManager);
            facts.response("A", "2026-10-02T10:00:00", 10, null);
            facts.response("B", "2026-10-03T10:00:00", 0, null);  // NPS 0: red against the default 30
        });
        long runId = database.read(entityManager -> steps(entityManager)
                .create(java.time.YearMonth.of(2026, 10), org.rapport.engine.run.RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(runId, packs));
        List<RuleFileSource> lenient = DefaultRuleSet.files().stream()
                .map(file -> !file.name().equals("kpi-targets.drl.csv") ? file
                        : RuleFileSource.ofText(file.name(), new String(file.content(),
                                java.nio.charset.StandardCharsets.UTF_8)
                                .replace("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"",
                                        "\"NPS\",\"HIGHER_IS_BETTER\",\"-50\",\"-10\"")))
                .toList();
        long draft = database.read(entityManager -> lifecycle(entityManager).draft("lenient", "bob", lenient).getId());

        DryRun dryRun = database.read(entityManager -> lifecycle(entityManager).dryRun(draft, RULES));

        assertThat(dryRun.month()).isEqualTo("2026-10");
        assertThat(dryRun.ragChanges()).contains(new DryRun.RagChange("NPS", "overall", "RED", "GREEN"));
        assertThat(dryRun.triggersRemoved()).contains("NPS_BELOW_TARGET");
        assertThat(dryRun.triggersAdded()).isEmpty();
    }

    private static org.rapport.engine.run.RunSteps steps(EntityManager entityManager) {
        return new org.rapport.engine.run.RunSteps(entityManager, RULES, Clock.systemUTC());
    }

    private static void activate(EntityManager entityManager, long version, String comment) {
        try {
            lifecycle(entityManager).activate(version, "alice", comment);
        } catch (RuleSetRejectedException e) {
            throw new AssertionError(e);
        }
    }

    private RuleSetStatus status(long version) {
        return database.read(entityManager -> entityManager.find(RuleSetVersion.class, version).getStatus());
    }

    private static RuleSetLifecycle lifecycle(EntityManager entityManager) {
        return new RuleSetLifecycle(entityManager, COMPILER, Clock.systemUTC());
    }
}
