package org.rapport.engine.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleSetCompiler;

/** Files handed in outside the API make a draft on top of the active set and go through the same checks. */
class RuleSetSubmissionTest extends PersistenceSpec {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler();

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFileReplacesItsNamesakeInADraftOfTheActiveSetThatIsActivatedOnlyWhenValidAndAskedFor(
            TestDatabase database) {
        on(database);
        long live = database.read(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());
        RuleFileSource stricter = lowerCostToServeTarget();

        RuleSetSubmission kept = database.read(entityManager -> lifecycle(entityManager)
                .submit(List.of(stricter), RuleInbox.AUTHOR, false));
        RuleSetSubmission activated = database.read(entityManager -> lifecycle(entityManager)
                .submit(List.of(stricter), RuleInbox.AUTHOR, true));

        assertThat(kept.valid()).isTrue();
        assertThat(kept.activated()).isFalse();
        assertThat(kept.version()).contains("inbox: kpi-targets.drl.csv");
        assertThat(status(database, kept.draftId())).isEqualTo(RuleSetStatus.VALIDATED);
        List<String> files = database.read(entityManager -> lifecycle(entityManager).version(kept.draftId())
                .getFiles().stream().map(RuleFile::getName).toList());
        assertThat(files).as("every file of the active set, the targets table replaced")
                .containsExactlyInAnyOrderElementsOf(database.read(entityManager -> lifecycle(entityManager)
                        .version(live).getFiles().stream().map(RuleFile::getName).toList()));
        assertThat(text(database, kept.draftId())).contains("\"COST_TO_SERVE\",\"LOWER_IS_BETTER\",\"5\",\"3\"");
        assertThat(activated.activated()).isTrue();
        assertThat(status(database, activated.draftId())).isEqualTo(RuleSetStatus.ACTIVE);
        assertThat(status(database, live)).isEqualTo(RuleSetStatus.RETIRED);
        List<RuleSetActivation> audit = database.read(entityManager -> lifecycle(entityManager).activations());
        assertThat(audit).first().satisfies(activation -> {
            assertThat(activation.getActivatedBy()).isEqualTo("rules-inbox");
            assertThat(activation.getComment()).contains("rapport.rules-inbox.activate-when-valid")
                    .contains("kpi-targets.drl.csv");
        });
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBrokenFileMakesADraftWithItsMessagesAndNeverBecomesActiveEvenWhenActivationWasAskedFor(
            TestDatabase database) {
        on(database);
        long live = database.read(entityManager -> new RuleSetStore(entityManager, Clock.systemUTC())
                .activeOrSeedDefault().getId());

        RuleSetSubmission broken = database.read(entityManager -> lifecycle(entityManager).submit(
                List.of(RuleFileSource.ofText("typo.drl", """
                        package org.rapport.rules
                        rule "A rule with a typo"
                        when
                            $kpi : Kpi( code == "NPS" &&& )
                        then
                        end
                        """)), RuleInbox.AUTHOR, true));

        assertThat(broken.valid()).isFalse();
        assertThat(broken.activated()).isFalse();
        assertThat(broken.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.file()).isEqualTo("typo.drl");
            assertThat(problem.line()).isPositive();
        });
        assertThat(status(database, broken.draftId())).isEqualTo(RuleSetStatus.DRAFT);
        assertThat(status(database, live)).isEqualTo(RuleSetStatus.ACTIVE);
    }

    /** The default targets table with cost to serve green up to £3 and amber up to £5 (no scenario checks it). */
    static RuleFileSource lowerCostToServeTarget() {
        RuleFileSource targets = DefaultRuleSet.files().stream().filter(file -> file.name().equals("kpi-targets.drl.csv"))
                .findFirst().orElseThrow();
        String text = new String(targets.content(), StandardCharsets.UTF_8)
                .replace("\"COST_TO_SERVE\",\"LOWER_IS_BETTER\",\"6\",\"4\"",
                        "\"COST_TO_SERVE\",\"LOWER_IS_BETTER\",\"5\",\"3\"");
        assertThat(text).contains("\"5\",\"3\"");
        return RuleFileSource.ofText(targets.name(), text);
    }

    private static String text(TestDatabase database, long versionId) {
        return database.read(entityManager -> new String(lifecycle(entityManager).version(versionId).getFiles().stream()
                .filter(file -> file.getName().equals("kpi-targets.drl.csv")).findFirst().orElseThrow().getContent(),
                StandardCharsets.UTF_8));
    }

    private static RuleSetStatus status(TestDatabase database, long id) {
        return database.read(entityManager -> entityManager.find(RuleSetVersion.class, id).getStatus());
    }

    private static RuleSetLifecycle lifecycle(EntityManager entityManager) {
        return new RuleSetLifecycle(entityManager, COMPILER, Clock.systemUTC());
    }
}
