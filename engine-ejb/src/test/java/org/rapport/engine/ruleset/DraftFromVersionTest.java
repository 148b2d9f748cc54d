package org.rapport.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.kpi.Breakdown;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.RunSteps;
import org.rapport.engine.testing.Facts;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.KpiVocabulary;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleMessage;
import org.rapport.rules.engine.RuleSetCompiler;

/**
 * A draft starts as a copy of a version with files added, replaced or removed; validating it against the active set
 * warns of what it drops; a draft is edited in place until it goes live; the dry run covers the published months.
 */
class DraftFromVersionTest extends PersistenceSpec {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();
    private static final RuleEngine RULES = new RuleEngine();
    private static final String TARGETS = "kpi-targets.drl.csv";

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path packs;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftFromTheActiveSetWithOneTableReplacedKeepsEveryOtherFileAndWarnsOfNothing(TestDatabase database) {
        on(database);
        RuleSetVersion active = database.read(entityManager -> seeded(entityManager));

        long draft = database.read(entityManager -> lifecycle(entityManager)
                .draftFrom(null, "stricter NPS", "strategy", List.of(targets("15", "30")), List.of()).getId());
        DraftValidation validation = database.read(entityManager -> lifecycle(entityManager).validate(draft));

        RuleSetVersion stored = database.read(entityManager -> withFiles(entityManager, draft));
        assertThat(stored.getBasedOnId()).isEqualTo(active.getId());
        assertThat(names(stored)).isEqualTo(names(active));
        assertThat(text(stored, TARGETS)).contains("\"NPS\",\"HIGHER_IS_BETTER\",\"15\",\"30\"");
        assertThat(validation.problems()).isEmpty();
        assertThat(validation.warnings()).isEmpty();
        assertThat(validation.scenarios()).isNotEmpty().allSatisfy(scenario -> assertThat(scenario.passed()).isTrue());
        assertThat(stored.getStatus()).isEqualTo(RuleSetStatus.VALIDATED);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSetUploadedAsOneTableValidatesButWarnsThatItGradesNothingAndRaisesNoTrigger(TestDatabase database) {
        on(database);
        database.read(entityManager -> seeded(entityManager));

        long draft = database.read(entityManager -> lifecycle(entityManager)
                .draft("one table", "strategy", List.of(targets("15", "30"))).getId());
        DraftValidation validation = database.read(entityManager -> lifecycle(entityManager).validate(draft));

        assertThat(validation.problems()).isEmpty();
        assertThat(validation.warnings()).extracting(RuleMessage::text)
                .anySatisfy(text -> assertThat(text).startsWith("kpi-status.drl of the active set (v"))
                .anySatisfy(text -> assertThat(text).startsWith("The draft has no trigger rules at all"))
                .anySatisfy(text -> assertThat(text).startsWith("The draft grades no RAG for ").contains("NPS"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftFromAChosenVersionWithAFileRemovedSaysWhatItDrops(TestDatabase database) throws Exception {
        on(database);
        RuleSetVersion first = database.read(entityManager -> seeded(entityManager));
        long second = database.read(entityManager -> lifecycle(entityManager)
                .draftFrom(first.getId(), "second", "strategy", List.of(targets("15", "30")), List.of()).getId());
        database.write(entityManager -> activate(entityManager, second, "NPS amber from 15"));

        long fromFirst = database.read(entityManager -> lifecycle(entityManager).draftFrom(first.getId(), null, "strategy",
                List.of(), List.of("customer-actions.drl")).getId());
        DraftValidation validation = database.read(entityManager -> lifecycle(entityManager).validate(fromFirst));

        RuleSetVersion stored = database.read(entityManager -> withFiles(entityManager, fromFirst));
        assertThat(stored.getLabel()).isEqualTo("draft from v" + first.getId());
        assertThat(stored.getBasedOnId()).isEqualTo(first.getId());
        assertThat(names(stored)).doesNotContain("customer-actions.drl").contains(TARGETS);
        assertThat(text(stored, TARGETS)).contains("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"");
        assertThat(validation.warnings()).extracting(RuleMessage::text).containsExactly(
                "customer-actions.drl of the active set (v" + second + " second ("
                        + database.read(entityManager -> entityManager.find(RuleSetVersion.class, second).getChecksum())
                                .substring(0, 8) + ")) is not in the draft: its 3 rule(s) are dropped");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileThatIsNoPartOfARuleSetOrAMissingOneToRemoveIsRefused(TestDatabase database) {
        on(database);
        database.read(entityManager -> seeded(entityManager));

        assertThatThrownBy(() -> database.read(entityManager -> lifecycle(entityManager).draftFrom(null, "x", "strategy",
                List.of(RuleFileSource.ofText("ruleset.txt", "kpi-targets.drl.csv\n")), List.of())))
                .hasMessageContaining("ruleset.txt: Not a rule file").hasMessageContaining("leave ruleset.txt out");
        assertThatThrownBy(() -> database.read(entityManager -> lifecycle(entityManager).draftFrom(null, "x", "strategy",
                List.of(), List.of("no-such.drl")))).hasMessageContaining("Cannot remove no-such.drl");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftIsEditedInPlaceUntilItGoesLiveAndAnActiveVersionNever(TestDatabase database) throws Exception {
        on(database);
        RuleSetVersion active = database.read(entityManager -> seeded(entityManager));
        long draft = database.read(entityManager -> lifecycle(entityManager)
                .draftFrom(null, "edit me", "strategy", List.of(), List.of()).getId());
        database.read(entityManager -> lifecycle(entityManager).validate(draft));
        String before = database.read(entityManager -> entityManager.find(RuleSetVersion.class, draft).getChecksum());

        database.write(entityManager -> putFile(entityManager, draft, targets("15", "40")));

        RuleSetVersion edited = database.read(entityManager -> withFiles(entityManager, draft));
        assertThat(edited.getStatus()).isEqualTo(RuleSetStatus.DRAFT);
        assertThat(edited.getChecksum()).isNotEqualTo(before);
        assertThat(text(edited, TARGETS)).contains("\"NPS\",\"HIGHER_IS_BETTER\",\"15\",\"40\"");
        assertThatThrownBy(() -> database.write(entityManager -> putFile(entityManager, active.getId(), targets("0", "1"))))
                .hasMessageContaining("is active: only a draft is edited");
        assertThat(text(database.read(entityManager -> withFiles(entityManager, active.getId())), TARGETS))
                .contains("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTriggerOnABreakdownSpeltWithAColonIsAnErrorAndActivationNeedsAComment(TestDatabase database) {
        on(database);
        database.read(entityManager -> seeded(entityManager));
        long draft = database.read(entityManager -> lifecycle(entityManager).draftFrom(null, "high value", "strategy",
                List.of(RuleFileSource.ofText("high-value.drl", """
                        package org.rapport.rules
                        import org.rapport.rules.facts.Kpi
                        import org.rapport.rules.facts.Rag
                        rule "High-value customers unhappy"
                        when
                            Kpi( code == "NPS", dimension == "value_band:high", rag == Rag.RED )
                        then
                        end
                        """)), List.of()).getId());

        List<RuleMessage> problems = database.read(entityManager -> lifecycle(entityManager).validate(draft).problems());

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("high-value.drl");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.column()).isEqualTo(39);
            assertThat(problem.text()).contains("write value_band=high");
        });
        assertThatThrownBy(() -> database.write(entityManager -> activate(entityManager, draft, " ")))
                .hasMessageContaining("an activation needs a comment");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theDryRunGradesEachPublishedMonthWithTheDraftAndTheActiveSet(TestDatabase database) {
        on(database);
        database.read(entityManager -> seeded(entityManager));
        publish(database, YearMonth.of(2026, 9), 10, 9);   // NPS 100: green either way
        publish(database, YearMonth.of(2026, 10), 10, 0);  // NPS 0: red against 30, green against -10
        long lenient = database.read(entityManager -> lifecycle(entityManager)
                .draftFrom(null, "lenient", "strategy", List.of(targets("-50", "-10")), List.of()).getId());

        DryRunMonths dryRun = database.read(entityManager -> lifecycle(entityManager).dryRunMonths(lenient, RULES, 12));

        assertThat(dryRun.version()).startsWith("v" + lenient + " lenient");
        assertThat(dryRun.months()).extracting(DryRunMonths.Month::month).containsExactly("2026-10", "2026-09");
        DryRunMonths.Month october = dryRun.months().get(0);
        assertThat(october.ragChanges()).contains(new DryRun.RagChange("NPS", "overall", "RED", "GREEN"));
        assertThat(october.triggersRemoved()).contains("NPS_BELOW_TARGET");
        assertThat(dryRun.months().get(1).ragChanges()).extracting(DryRun.RagChange::code).doesNotContain("NPS");
        List<DryRunMonths.Month> lastOnly = database.read(entityManager -> lifecycle(entityManager)
                .dryRunMonths(lenient, RULES, 1).months());
        assertThat(lastOnly).extracting(DryRunMonths.Month::month).containsExactly("2026-10");
    }

    @Test
    void theDefaultRuleSetNamesOnlyKpisAndBreakdownsOfTheCatalogue() {
        List<RuleFileSource> defaults = new ArrayList<>(DefaultRuleSet.files());
        defaults.addAll(DefaultRuleSet.scenarios());

        assertThat(new org.rapport.rules.engine.RuleSetValidator(COMPILER, KpiCatalogueVocabulary.catalogue())
                .validate(defaults).messages()).isEmpty();
        assertThat(Arrays.stream(Breakdown.values()).map(Breakdown::dimensionName).toList())
                .as("the breakdowns rules may name are the ones the engine measures by")
                .isEqualTo(KpiVocabulary.BREAKDOWNS);
    }

    private void publish(TestDatabase database, YearMonth month, int firstAnswer, int secondAnswer) {
        database.write(entityManager -> {
            Facts facts = new Facts(entityManager);
            facts.response("A" + month, month.atDay(2) + "T10:00:00", firstAnswer, null);
            facts.response("B" + month, month.atDay(3) + "T10:00:00", secondAnswer, null);
        });
        long runId = database.read(entityManager -> steps(entityManager).create(month, RunOrigin.ON_DEMAND).getId());
        database.write(entityManager -> steps(entityManager).measure(runId));
        database.write(entityManager -> steps(entityManager).evaluate(runId));
        database.write(entityManager -> steps(entityManager).storeRendered(runId, new byte[] {1},
                steps(entityManager).snapshot(runId, "Acme")));
        database.write(entityManager -> steps(entityManager).publish(runId, packs));
    }

    private static RuleFileSource targets(String amber, String target) {
        RuleFileSource file = DefaultRuleSet.files().stream().filter(f -> f.name().equals(TARGETS)).findFirst().orElseThrow();
        return RuleFileSource.ofText(TARGETS, new String(file.content(), StandardCharsets.UTF_8)
                .replace("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"",
                        "\"NPS\",\"HIGHER_IS_BETTER\",\"" + amber + "\",\"" + target + "\""));
    }

    private static RuleSetVersion seeded(EntityManager entityManager) {
        RuleSetVersion active = new RuleSetStore(entityManager, Clock.systemUTC()).activeOrSeedDefault();
        active.getFiles().size();
        return active;
    }

    private static RuleSetVersion withFiles(EntityManager entityManager, long id) {
        RuleSetVersion version = entityManager.find(RuleSetVersion.class, id);
        version.getFiles().forEach(RuleFile::getContent);
        return version;
    }

    private static List<String> names(RuleSetVersion version) {
        return version.getFiles().stream().map(RuleFile::getName).sorted().toList();
    }

    private static String text(RuleSetVersion version, String name) {
        return version.getFiles().stream().filter(file -> file.getName().equals(name)).findFirst()
                .map(file -> new String(file.getContent(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static void activate(EntityManager entityManager, long version, String comment) {
        try {
            lifecycle(entityManager).activate(version, "alice", comment);
        } catch (RuleSetRejectedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static void putFile(EntityManager entityManager, long version, RuleFileSource file) {
        try {
            lifecycle(entityManager).putFile(version, file);
        } catch (RuleSetRejectedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static RunSteps steps(EntityManager entityManager) {
        return new RunSteps(entityManager, RULES, Clock.systemUTC());
    }

    private static RuleSetLifecycle lifecycle(EntityManager entityManager) {
        return new RuleSetLifecycle(entityManager, COMPILER, Clock.systemUTC());
    }
}
