package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.rules.facts.Kpi;

/** Compiling a rule set: errors an author can act on, and a guard against rules that never stop. */
class RuleSetCompilerTest {

    private static final String PACKAGE = "package org.rapport.rules;\n"
            + "import org.rapport.rules.facts.Kpi;\n"
            + "import java.math.BigDecimal;\n";

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    @DisplayName("a DRL syntax error names the file, line and column")
    void drlSyntaxError() {
        RuleFileSource broken = RuleFileSource.ofText("broken.drl", PACKAGE
                + "\n"
                + "rule \"Half-written condition\"\n"
                + "when\n"
                + "    Kpi( code == )\n"
                + "then\n"
                + "end\n");

        InvalidRuleSetException error = compileExpectingError(broken);

        assertThat(error).hasMessageContaining("broken.drl");
        assertThat(error.messages()).first().satisfies(message -> {
            assertThat(message.file()).isEqualTo("broken.drl");
            assertThat(message.line()).isEqualTo(7);
            assertThat(message.column()).isEqualTo(18); // the ")" where a value was expected
        });
    }

    @Test
    @DisplayName("a decision table with no RuleTable is rejected, naming the file")
    void decisionTableWithoutRuleTable() {
        RuleFileSource broken = RuleFileSource.ofText("targets.drl.csv", "\"RuleSet\",\"org.rapport.rules\"\n");

        InvalidRuleSetException error = compileExpectingError(broken);

        assertThat(error.messages()).singleElement().satisfies(message -> {
            assertThat(message.file()).isEqualTo("targets.drl.csv");
            assertThat(message.text()).contains("RuleTable");
        });
    }

    @Test
    @DisplayName("a decision table row that does not compile is reported at its row of the table")
    void decisionTableRowError() {
        RuleFileSource broken = RuleFileSource.ofText("targets.drl.csv", targetsTable("NPS", "30")
                .replace("setTarget", "setGoal"));

        InvalidRuleSetException error = compileExpectingError(broken);

        assertThat(error.messages()).singleElement().satisfies(message -> {
            assertThat(message.file()).isEqualTo("targets.drl.csv");
            assertThat(message.line()).isEqualTo(9); // the NPS row
            assertThat(message.text()).contains("setGoal");
        });
    }

    @Test
    @DisplayName("errors in several files are reported together")
    void errorsInSeveralFiles() {
        InvalidRuleSetException error = compileExpectingError(
                RuleFileSource.ofText("first.drl", PACKAGE + "rule \"a\" when Kpi( code == ) then end\n"),
                RuleFileSource.ofText("second.drl.csv", "not a decision table\n"));

        assertThat(error.messages()).extracting(RuleMessage::file).containsExactlyInAnyOrder("first.drl", "second.drl.csv");
    }

    @Test
    @DisplayName("a changed decision table is compiled afresh, even under the same file name")
    void changedDecisionTable() throws InvalidRuleSetException {
        CompiledRuleSet before = compiler.compile(List.of(RuleFileSource.ofText("targets.drl.csv", targetsTable("NPS", "30"))));
        CompiledRuleSet after = compiler.compile(List.of(RuleFileSource.ofText("targets.drl.csv", targetsTable("NPS", "45"))));

        assertThat(targetOfNps(before)).isEqualByComparingTo("30");
        assertThat(targetOfNps(after)).isEqualByComparingTo("45");
    }

    @Test
    @DisplayName("a rule set that loops forever is stopped at the firing limit, naming the rule")
    void endlessLoopIsStopped() throws InvalidRuleSetException {
        CompiledRuleSet looping = new RuleSetCompiler(50).compile(List.of(RuleFileSource.ofText("loop.drl", PACKAGE
                + "rule \"A rule that re-grades its own KPI forever\"\n"
                + "when\n"
                + "    $kpi : Kpi()\n"
                + "then\n"
                + "    update( $kpi );\n"
                + "end\n")));

        assertThatIllegalStateException()
                .isThrownBy(() -> looping.evaluate(List.of(Kpi.overall("NPS", BigDecimal.TEN))))
                .withMessageContaining("stopped after 50 firings")
                .withMessageContaining("A rule that re-grades its own KPI forever");
    }

    @Test
    @DisplayName("a rule set may use its firing limit exactly")
    void firingExactlyTheLimitIsAllowed() throws InvalidRuleSetException {
        CompiledRuleSet onceEach = new RuleSetCompiler(2).compile(List.of(RuleFileSource.ofText("once.drl", PACKAGE
                + "rule \"Every KPI gets a target of one\"\n"
                + "when\n"
                + "    $kpi : Kpi( target == null )\n"
                + "then\n"
                + "    $kpi.setTarget( BigDecimal.ONE );\n"
                + "end\n")));

        var evaluation = onceEach.evaluate(List.of(Kpi.overall("NPS", BigDecimal.TEN), Kpi.overall("CSAT", BigDecimal.TEN)));

        assertThat(evaluation.kpis()).allSatisfy(kpi -> assertThat(kpi.getTarget()).isEqualTo(BigDecimal.ONE));
    }

    @Test
    @DisplayName("the firing limit defaults to 100,000 and must be positive")
    void firingLimit() throws InvalidRuleSetException {
        assertThat(compiler.compile(List.of()).maxFirings()).isEqualTo(100_000);
        assertThatIllegalArgumentException().isThrownBy(() -> new RuleSetCompiler(0));
    }

    private InvalidRuleSetException compileExpectingError(RuleFileSource... files) {
        InvalidRuleSetException error = catchThrowableOfType(InvalidRuleSetException.class,
                () -> compiler.compile(List.of(files)));
        assertThat(error).as("compiling a broken rule set must fail").isNotNull();
        return error;
    }

    private static BigDecimal targetOfNps(CompiledRuleSet rules) {
        return rules.evaluate(List.of(Kpi.overall("NPS", BigDecimal.ONE))).kpis().get(0).getTarget();
    }

    /** A one-row targets table; the row for {@code code} is line 9 of the file. */
    private static String targetsTable(String code, String target) {
        return String.join("\n",
                "\"RuleSet\",\"org.rapport.rules\"",
                "\"Import\",\"org.rapport.rules.facts.Kpi, java.math.BigDecimal\"",
                "",
                "\"RuleTable Targets\"",
                "\"CONDITION\",\"ACTION\"",
                "\"$kpi : Kpi\",\"\"",
                "\"code == \"\"$param\"\"\",\"$kpi.setTarget(new BigDecimal(\"\"$param\"\"));\"",
                "\"KPI code\",\"Target\"",
                "\"" + code + "\",\"" + target + "\"",
                "");
    }
}
