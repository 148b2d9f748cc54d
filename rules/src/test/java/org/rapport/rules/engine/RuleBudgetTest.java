package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.rules.facts.Kpi;

/**
 * {@link RuleBudget} and {@link RuleEvaluator}: an evaluation that would go on for ever, or grow without end,
 * is stopped between firings, fails naming the rule, and leaves no thread behind; the evaluator goes on
 * serving. No test here waits for a time: each waits for a condition.
 */
class RuleBudgetTest {

    private static final String HEADER = "package org.rapport.rules;\n"
            + "import org.rapport.rules.facts.Kpi;\n"
            + "import java.math.BigDecimal;\n";

    /** Each firing deletes its KPI and inserts a new one, so the rule is activated again and again. */
    private static final String KEEPS_GOING = HEADER
            + "rule \"Keeps going\"\n"
            + "when\n"
            + "    $kpi : Kpi()\n"
            + "then\n"
            + "    delete( $kpi );\n"
            + "    insert( Kpi.overall( $kpi.getCode(), BigDecimal.ONE ) );\n"
            + "end\n";

    /** As above, and each firing allocates a few kilobytes more. */
    private static final String KEEPS_GROWING = HEADER
            + "rule \"Keeps growing\"\n"
            + "when\n"
            + "    $kpi : Kpi()\n"
            + "then\n"
            + "    String wider = new StringBuilder( 8000 ).append( $kpi.getCode() ).toString();\n"
            + "    delete( $kpi );\n"
            + "    insert( Kpi.overall( wider, BigDecimal.ONE ) );\n"
            + "end\n";

    private static final String HARMLESS = HEADER
            + "rule \"Targets NPS\"\n"
            + "when\n"
            + "    $kpi : Kpi( code == \"NPS\", target == null )\n"
            + "then\n"
            + "    modify( $kpi ) { setTarget( BigDecimal.TEN ) }\n"
            + "end\n";

    @Test
    @DisplayName("a rule set that keeps firing past its deadline is stopped, names the rule, and leaves no thread running")
    void deadline() throws Exception {
        RuleSetCompiler compiler = new RuleSetCompiler(Integer.MAX_VALUE, 100,
                new RuleBudget(Duration.ofSeconds(1), Long.MAX_VALUE, 1));
        CompiledRuleSet endless = compiler.compile(List.of(RuleFileSource.ofText("endless.drl", KEEPS_GOING)));

        RuleEvaluationException stopped = catchThrowableOfType(RuleEvaluationException.class,
                () -> endless.evaluate(List.of(Kpi.overall("NPS", BigDecimal.ONE))));

        assertThat(stopped.ruleName()).isEqualTo("Keeps going");
        assertThat(stopped.file()).isEqualTo("endless.drl");
        assertThat(stopped.getMessage()).contains("took longer than its budget of 1 s").contains(RuleBudget.TIMEOUT_SECONDS);
        assertThat(compiler.evaluator().awaitIdle(Duration.ofMinutes(1))).as("the evaluation thread stopped").isTrue();
        assertStillServes(compiler);
    }

    @Test
    @DisplayName("a rule set that allocates without end is stopped at its memory budget, naming the rule")
    void memory() throws Exception {
        RuleSetCompiler compiler = new RuleSetCompiler(Integer.MAX_VALUE, 100,
                new RuleBudget(Duration.ofMinutes(5), 16L * 1024 * 1024, 1));
        CompiledRuleSet growing = compiler.compile(List.of(RuleFileSource.ofText("growing.drl", KEEPS_GROWING)));

        RuleEvaluationException stopped = catchThrowableOfType(RuleEvaluationException.class,
                () -> growing.evaluate(List.of(Kpi.overall("NPS", BigDecimal.ONE))));

        assertThat(stopped.ruleName()).isEqualTo("Keeps growing");
        assertThat(stopped.getMessage()).contains("allocated more than its budget of 16 MB").contains(RuleBudget.MAX_ALLOCATED_MB);
        assertThat(compiler.evaluator().awaitIdle(Duration.ofMinutes(1))).isTrue();
        assertStillServes(compiler);
    }

    @Test
    @DisplayName("validation runs the scenarios inside the budget: a scenario that never ends fails naming the rule")
    void scenarioInsideTheBudget() {
        RuleSetCompiler compiler = new RuleSetCompiler(Integer.MAX_VALUE, 100,
                new RuleBudget(Duration.ofSeconds(1), Long.MAX_VALUE, 1));
        String scenario = "[{\"scenario\": \"NPS\", \"given\": {\"kpis\": [{\"code\": \"NPS\", \"value\": 1}]},"
                + " \"expect\": {\"rag\": {\"NPS\": \"NONE\"}}}]";

        RuleSetValidation validation = new RuleSetValidator(compiler).validate(List.of(
                RuleFileSource.ofText("endless.drl", KEEPS_GOING), RuleFileSource.ofText("endless.scenario.json", scenario)));

        assertThat(validation.valid()).isFalse();
        assertThat(validation.messages()).anySatisfy(message -> assertThat(message.text())
                .contains("took longer than its budget").contains("Keeps going"));
    }

    @Test
    @DisplayName("the budget is read from the settings, with defaults for those not set")
    void settings() {
        RuleBudget configured = RuleBudget.configured(Map.of(RuleBudget.TIMEOUT_SECONDS, "5", RuleBudget.MAX_ALLOCATED_MB, "64",
                RuleBudget.THREADS, "3")::get);
        RuleBudget defaults = RuleBudget.configured(name -> null);

        assertThat(configured).isEqualTo(new RuleBudget(Duration.ofSeconds(5), 64L * 1024 * 1024, 3));
        assertThat(defaults).isEqualTo(new RuleBudget(Duration.ofSeconds(60), 512L * 1024 * 1024, 4));
        assertThatThrownBy(() -> RuleBudget.configured(Map.of(RuleBudget.THREADS, "many")::get))
                .hasMessageContaining(RuleBudget.THREADS);
        assertThatThrownBy(() -> RuleBudget.configured(Map.of(RuleBudget.TIMEOUT_SECONDS, "0")::get))
                .hasMessageContaining("timeout");
    }

    /** After a stopped evaluation the same evaluator still evaluates a sound rule set. */
    private static void assertStillServes(RuleSetCompiler compiler) throws InvalidRuleSetException {
        CompiledRuleSet sound = compiler.compile(List.of(RuleFileSource.ofText("sound.drl", HARMLESS)));

        Evaluation evaluation = sound.evaluate(List.of(Kpi.overall("NPS", BigDecimal.ONE)));

        assertThat(evaluation.kpis()).singleElement().extracting(Kpi::getTarget).isEqualTo(BigDecimal.TEN);
    }
}
