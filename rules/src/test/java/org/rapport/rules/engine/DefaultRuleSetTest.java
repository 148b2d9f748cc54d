package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The build-time guard: a default rule that does not compile fails {@code mvn verify}. */
class DefaultRuleSetTest {

    @Test
    @DisplayName("the default rule set lists the KPI tables and rules, then the engagement tables and rules")
    void listsItsFiles() {
        assertThat(DefaultRuleSet.files())
                .extracting(RuleFileSource::name)
                .containsExactly("kpi-targets.drl.csv", "kpi-status.drl", "trigger-evidence.drl", "improvement-triggers.drl",
                        "moments-of-truth.drl", "retention-triggers.drl", "voice-of-customer-triggers.drl",
                        "request-themes.drl.csv", "recurring-requests.drl",
                        "engagement-weights.drl.csv", "engagement-stages.drl.csv", "engagement-pillars.drl",
                        "engagement-stage.drl", "customer-actions.drl");
        assertThat(DefaultRuleSet.files()).allSatisfy(file -> assertThat(file.content()).isNotEmpty());
    }

    @Test
    @DisplayName("the default rule set compiles with no errors")
    void compilesWithNoErrors() {
        assertThatCode(() -> new RuleSetCompiler().compile(DefaultRuleSet.files()))
                .doesNotThrowAnyException();
    }
}
