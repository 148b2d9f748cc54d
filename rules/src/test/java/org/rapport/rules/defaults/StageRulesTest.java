package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.rules.engine.CompiledRuleSet;
import org.rapport.rules.engine.DefaultRuleSet;
import org.rapport.rules.engine.InvalidRuleSetException;
import org.rapport.rules.engine.RuleFileSource;
import org.rapport.rules.engine.RuleSetCompiler;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;
import org.rapport.rules.facts.Stage;

/**
 * engagement-stages.drl.csv and engagement-stage.drl on their own: a harness rule stands in for the
 * pillar rules and gives each customer the index under test, so every boundary can be reached exactly.
 */
class StageRulesTest {

    /** Scores a customer with the index carried in their tenure, instead of the pillar formulas. */
    private static final String HARNESS = """
            package org.rapport.rules;
            import org.rapport.rules.facts.CustomerProfile;
            import org.rapport.rules.facts.EngagementScore;
            rule "Test harness: the tenure is the index"
            when
                $customer : CustomerProfile()
            then
                insert( new EngagementScore( $customer.getCustomerRef(), 0, 0, 0, $customer.getTenureMonths(),
                        $customer.getPreviousStage(), $customer.getPreviousIndex() ) );
            end
            """;

    private static final CompiledRuleSet STAGE_RULES = compile();

    @ParameterizedTest(name = "index {0} qualifies for {1}")
    @DisplayName("a customer scored for the first time takes the stage their index qualifies for")
    @CsvSource({"0, UNENGAGED", "19, UNENGAGED", "20, CASUAL", "39, CASUAL", "40, REGULAR", "59, REGULAR",
            "60, LOYAL", "79, LOYAL", "80, ADVOCATE", "100, ADVOCATE"})
    void firstAssessment(int index, Stage expected) {
        EngagementScore score = stageOf(index, null);

        assertThat(score.getQualifiedStage()).isEqualTo(expected);
        assertThat(score.getStage()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} last month, index {1}: {2} now")
    @DisplayName("a customer moves at most one stage a month towards the stage their index qualifies for")
    @CsvSource({
            "CASUAL,    100, REGULAR", // a casual gym visitor does not become a convert in one month
            "UNENGAGED,  85, CASUAL",
            "LOYAL,      85, ADVOCATE",
            "ADVOCATE,    5, LOYAL",
            "REGULAR,    25, CASUAL",
            "REGULAR,    45, REGULAR",
            "ADVOCATE,  100, ADVOCATE",
            "UNENGAGED,   0, UNENGAGED",
    })
    void oneStepAtATime(Stage previous, int index, Stage expected) {
        EngagementScore score = stageOf(index, previous);

        assertThat(score.getStage()).isEqualTo(expected);
        assertThat(score.getPreviousStage()).isEqualTo(previous);
    }

    private static EngagementScore stageOf(int index, Stage previous) {
        CustomerProfile customer = new CustomerProfile("C-1").consentToAnalytics(true).tenureMonths(index)
                .previousStage(previous);
        List<EngagementScore> scores = STAGE_RULES.score(List.of(customer)).scores();
        assertThat(scores).hasSize(1);
        return scores.get(0);
    }

    private static CompiledRuleSet compile() {
        List<RuleFileSource> files = new ArrayList<>(DefaultRuleSet.files().stream()
                .filter(file -> file.name().startsWith("engagement-stage"))
                .toList());
        files.add(RuleFileSource.ofText("harness.drl", HARNESS));
        try {
            return new RuleSetCompiler().compile(files);
        } catch (InvalidRuleSetException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
