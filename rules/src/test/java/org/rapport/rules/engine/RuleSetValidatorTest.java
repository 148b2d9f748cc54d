package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link RuleSetValidator} and {@link ScenarioRunner}: a draft becomes valid only if it compiles and passes its scenarios. */
class RuleSetValidatorTest {

    private static final String PACKAGE = "package org.rapport.rules;\nimport org.rapport.rules.facts.Kpi;\n"
            + "import java.math.BigDecimal;\n";

    private final RuleSetValidator validator = new RuleSetValidator(new RuleSetCompiler(1_000, 50));

    @Test
    @DisplayName("a scenario whose expectations the rules do not meet fails, saying what differed, at the scenario's line")
    void failingScenario() {
        RuleSetValidation validation = validator.validate(withDefaults(RuleFileSource.ofText("mine.scenario.json", """
                [
                  { "scenario": "On target", "given": { "kpis": [ { "code": "NPS", "value": 40 } ] },
                    "expect": { "rag": { "NPS": "GREEN" }, "triggers": [] } },
                  { "scenario": "Wrong on purpose",
                    "given": { "kpis": [ { "code": "NPS", "value": 4 }, { "code": "IVR_ABANDONMENT", "value": 12 } ] },
                    "expect": {
                      "rag": { "NPS": "AMBER", "CSAT": "GREEN" },
                      "triggers": [ { "code": "NPS_BELOW_TARGET", "severity": "MEDIUM" }, "SURVEY_REACH_LOW" ] } }
                ]
                """)));

        assertThat(validation.valid()).isFalse();
        assertThat(validation.scenarios()).extracting(ScenarioResult::scenario, ScenarioResult::passed)
                .contains(org.assertj.core.groups.Tuple.tuple("On target", true),
                        org.assertj.core.groups.Tuple.tuple("Wrong on purpose", false));
        assertThat(validation.messages()).allSatisfy(message -> {
            assertThat(message.file()).isEqualTo("mine.scenario.json");
            assertThat(message.line()).isEqualTo(4);
            assertThat(message.text()).startsWith("Scenario \"Wrong on purpose\": ");
        }).extracting(RuleMessage::text).anySatisfy(text -> assertThat(text).contains("expected NPS to be AMBER, was RED"))
                .anySatisfy(text -> assertThat(text).contains("expected CSAT to be GREEN, but no such KPI is given"))
                .anySatisfy(text -> assertThat(text).contains("expected the severity of NPS_BELOW_TARGET to be MEDIUM, was HIGH"))
                .anySatisfy(text -> assertThat(text).contains("expected trigger SURVEY_REACH_LOW, not raised"))
                .anySatisfy(text -> assertThat(text).contains("trigger IVR_ABANDONMENT raised but not expected"));
    }

    @Test
    @DisplayName("a scenario file that is not valid JSON, or names an unknown field, fails at its line and column")
    void invalidScenarioFile() {
        assertThat(validator.validate(withDefaults(RuleFileSource.ofText("broken.scenario.json", "{\n  \"scenario\": \"x\",\n  \"given\": [ }\n"))).messages())
                .singleElement().satisfies(message -> {
                    assertThat(message.file()).isEqualTo("broken.scenario.json");
                    assertThat(message.line()).isEqualTo(3);
                    assertThat(message.column()).isPositive();
                });
        assertThat(validator.validate(withDefaults(RuleFileSource.ofText("typo.scenario.json",
                "{ \"given\": { \"customers\": [ { \"customerRef\": \"C-1\",\n \"tenureMonth\": 3 } ] } }"))).messages())
                .singleElement().satisfies(message -> {
                    assertThat(message.line()).isEqualTo(2);
                    assertThat(message.text()).contains("tenureMonth");
                });
    }

    @Test
    @DisplayName("a rule that divides by zero at run time fails validation through its scenario, naming the rule")
    void divisionByZero() {
        RuleSetValidation validation = validator.validate(List.of(
                RuleFileSource.ofText("ratio.drl", PACKAGE
                        + "rule \"NPS per point of CSAT\"\n"
                        + "when\n"
                        + "    $nps : Kpi( code == \"NPS\" )\n"
                        + "    $csat : Kpi( code == \"CSAT\" )\n"
                        + "then\n"
                        + "    $nps.setTarget( $nps.getValue().divide( $csat.getValue() ) );\n"
                        + "end\n"),
                RuleFileSource.ofText("ratio.scenario.json", """
                        { "scenario": "No CSAT answers this month",
                          "given": { "kpis": [ { "code": "NPS", "value": 10 }, { "code": "CSAT", "value": 0 } ] } }
                        """)));

        assertThat(validation.valid()).isFalse();
        assertThat(validation.messages()).singleElement().extracting(RuleMessage::text).asString()
                .contains("No CSAT answers this month")
                .contains("Rule \"NPS per point of CSAT\" in ratio.drl failed")
                .contains("java.lang.ArithmeticException");
    }

    @Test
    @DisplayName("a rule with no conditions that loops fails validation even without a scenario, naming the rule")
    void loopWithoutFacts() {
        RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("loop.drl", PACKAGE
                + "rule \"A rule that keeps inserting\"\n"
                + "when\n"
                + "then\n"
                + "    insert( Kpi.overall( \"NPS\", BigDecimal.ONE ) );\n"
                + "    drools.getMatch();\n"
                + "end\n"
                + "rule \"And deleting\"\n"
                + "when\n"
                + "    $kpi : Kpi()\n"
                + "then\n"
                + "    delete( $kpi );\n"
                + "    insert( Kpi.overall( \"NPS\", BigDecimal.ONE ) );\n"
                + "end\n")));

        assertThat(validation.valid()).isFalse();
        assertThat(validation.messages()).singleElement().extracting(RuleMessage::text).asString()
                .contains("stopped after 1000 firings").contains("And deleting");
    }

    @Test
    @DisplayName("a draft that breaks the sandbox is invalid and never compiled, so it has no rule set")
    void sandboxBreach() {
        RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("escape.drl", PACKAGE
                + "rule \"r\" when then System.exit( 0 ); end\n")));

        assertThat(validation.valid()).isFalse();
        assertThat(validation.ruleSet()).isEmpty();
        assertThat(validation.messages()).singleElement().extracting(RuleMessage::text).asString().startsWith("Sandbox:");
    }

    private static List<RuleFileSource> withDefaults(RuleFileSource scenario) {
        List<RuleFileSource> files = new ArrayList<>(DefaultRuleSet.files());
        files.add(scenario);
        return files;
    }
}
