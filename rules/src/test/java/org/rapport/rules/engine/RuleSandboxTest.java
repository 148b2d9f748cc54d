package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RuleSandbox}: every way out of the fact model we could think of is rejected before
 * compiling, with the file, line and column of the offending name. Each escape sits on line 6.
 */
class RuleSandboxTest {

    private static final String HEADER = "package org.rapport.rules;\n"       // 1
            + "import org.rapport.rules.facts.Kpi;\n"                           // 2
            + "rule \"An escape attempt\"\n"                                    // 3
            + "when\n"                                                          // 4
            + "    $kpi : Kpi()\n"                                              // 5
            + "then\n";                                                         // 6: the consequence

    private final RuleSandbox sandbox = new RuleSandbox();

    @ParameterizedTest(name = "{0}")
    @DisplayName("a consequence that reaches outside the fact model is rejected at its line and column")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "System.exit                | System.exit(1);                                              | 1  | java.lang.System",
            "Runtime exec               | Runtime.getRuntime().exec(\"rm -rf /\");                     | 1  | java.lang.Runtime",
            "a file                     | new java.io.File(\"/etc/passwd\").delete();                  | 5  | java.io.File",
            "class loading              | Class.forName(\"java.lang.Runtime\");                        | 1  | java.lang.Class",
            "a thread                   | new Thread(() -> {}).start();                                | 5  | java.lang.Thread",
            "the network                | new java.net.URL(\"http://example.org\").openStream();       | 5  | java.net.URL",
            "reflection on a fact       | $kpi.getClass().getDeclaredMethods();                        | 6  | .getClass",
            "reflection package         | java.lang.reflect.Array.newInstance(String.class, 1);        | 1  | java.lang.reflect.Array",
            "fully-qualified System     | java.lang.System.getenv(\"HOME\");                           | 1  | java.lang.System",
            "System hidden by spaces    | java . lang . System . exit ( 0 );                           | 1  | java.lang.System",
            "System behind a comment    | /* harmless */ System/* still */.exit(0);                    | 16 | java.lang.System",
            "unicode-escaped System     | \\u0053ystem.exit(0);                                        | 1  | unicode escapes",
            "a class literal            | String.class.getClassLoader();                               | 8  | .class",
            "a method reference         | Runnable exit = System::gc;                                  | 1  | java.lang.Runnable",
            "a process                  | new ProcessBuilder(\"ls\").start();                          | 5  | java.lang.ProcessBuilder",
            "the session internals      | drools.getKieRuntime().halt();                               | 8  | .getKieRuntime",
            "a system property          | Integer.getInteger(\"port\");                                | 9  | .getInteger",
            "an MVEL import             | import java.io.File;                                         | 1  | \"import\"",
            "a thread lock              | synchronized ($kpi) { }                                      | 1  | \"synchronized\"",
    })
    void consequenceEscape(String escape, String consequence, int column, String named) {
        List<RuleMessage> messages = check(HEADER + "    " + consequence + "\nend\n");

        assertThat(messages).as(escape).isNotEmpty().first().satisfies(message -> {
            assertThat(message.file()).isEqualTo("escape.drl");
            assertThat(message.line()).isEqualTo(7);
            assertThat(message.column()).isEqualTo(4 + column);
            assertThat(message.text()).startsWith("Sandbox: ").contains(named);
        });
    }

    @Test
    @DisplayName("an import outside the fact model is rejected at its line")
    void forbiddenImport() {
        assertThat(check("package org.rapport.rules;\nimport java.io.File;\nrule \"r\" when then end\n"))
                .singleElement().satisfies(message -> {
                    assertThat(message.line()).isEqualTo(2);
                    assertThat(message.column()).isEqualTo(8);
                    assertThat(message.text()).contains("import java.io.File is not allowed");
                });
    }

    @Test
    @DisplayName("import static and import function of a forbidden class are rejected")
    void staticImports() {
        assertThat(check("package org.rapport.rules;\nimport static java.lang.System.exit;\n"
                + "import function java.lang.Runtime.getRuntime;\nrule \"r\" when then end\n"))
                .extracting(RuleMessage::line).containsExactly(2, 3);
    }

    @Test
    @DisplayName("a global of a forbidden type is rejected; a global of a fact type is fine")
    void globals() {
        assertThat(check("package org.rapport.rules;\nglobal java.lang.Runtime runtime;\n"
                + "global org.rapport.rules.facts.Kpi benchmark;\nrule \"r\" when then end\n"))
                .singleElement().satisfies(message -> {
                    assertThat(message.line()).isEqualTo(2);
                    assertThat(message.text()).contains("java.lang.Runtime").contains("global runtime");
                });
    }

    @Test
    @DisplayName("a function whose body calls System is rejected at the call")
    void functionBody() {
        assertThat(check("package org.rapport.rules;\n"
                + "function String home() {\n"
                + "    return \"x\" + System.getenv(\"HOME\");\n"
                + "}\n"))
                .singleElement().satisfies(message -> {
                    assertThat(message.line()).isEqualTo(3);
                    assertThat(message.column()).isEqualTo(18);
                    assertThat(message.text()).contains("java.lang.System").contains("function home");
                });
    }

    @Test
    @DisplayName("eval with System in the conditions is rejected; so is a forbidden name in a constraint or a from")
    void conditions() {
        List<RuleMessage> messages = check("package org.rapport.rules;\n"
                + "import org.rapport.rules.facts.Kpi;\n"
                + "rule \"r\"\n"
                + "when\n"
                + "    eval( System.exit( 0 ) == null )\n"
                + "    Kpi( code == java.lang.System.getProperty( \"x\" ) )\n"
                + "    $file : Object() from new java.io.File( \"x\" )\n"
                + "then\n"
                + "end\n");

        assertThat(messages).extracting(RuleMessage::line, RuleMessage::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(5, 11),
                org.assertj.core.groups.Tuple.tuple(6, 18),
                org.assertj.core.groups.Tuple.tuple(7, 31));
    }

    @Test
    @DisplayName("a declared type extending a thread or holding a file is rejected")
    void declaredTypes() {
        assertThat(check("package org.rapport.rules;\n"
                + "declare Worker extends java.lang.Thread\n"
                + "    target : java.io.File\n"
                + "end\n"))
                .extracting(RuleMessage::line).containsExactly(2, 3);
    }

    @Test
    @DisplayName("a salience computed from System, or a timer attribute, is rejected")
    void attributes() {
        assertThat(check("package org.rapport.rules;\n"
                + "rule \"r\"\n"
                + "    salience ( System.nanoTime() )\n"
                + "when then end\n"
                + "rule \"s\"\n"
                + "    timer ( int: 1s )\n"
                + "when then end\n"))
                .extracting(RuleMessage::line).containsExactly(3, 6);
    }

    @Test
    @DisplayName("a rule file in another package is rejected: it could reach that package's internals")
    void otherPackage() {
        assertThat(check("package org.rapport.rules.engine;\nrule \"r\" when then end\n"))
                .singleElement().extracting(RuleMessage::text).asString().contains("must declare package org.rapport.rules");
    }

    @Test
    @DisplayName("names in strings and comments are not code, and fact-model, value-type and collection code passes")
    void allowedCode() {
        assertThat(check("package org.rapport.rules;\n"
                + "import org.rapport.rules.facts.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.time.LocalDate;\n"
                + "import java.util.List;\n"
                + "rule \"Allowed\"\n"
                + "when\n"
                + "    $kpi : Kpi( code == \"System.exit\", value != null ) // System.exit in a comment\n"
                + "    $all : List() from collect( Kpi() )\n"
                + "then\n"
                + "    String note = \"Runtime.getRuntime()\" + Math.max(1, 2) + LocalDate.of(2026, 1, 31);\n"
                + "    $kpi.setTarget( BigDecimal.TEN.max( java.math.BigDecimal.ONE ) );\n"
                + "    insert( new ImprovementTrigger( \"X\", note, Pillar.STAFF, Severity.LOW, String.valueOf( $all.size() ) ) );\n"
                + "end\n")).isEmpty();
    }

    @Test
    @DisplayName("the compiler refuses a rule set that breaks the sandbox, without compiling it")
    void compilerRefuses() {
        InvalidRuleSetException error = catchThrowableOfType(InvalidRuleSetException.class, () -> new RuleSetCompiler()
                .compile(List.of(RuleFileSource.ofText("escape.drl", HEADER + "    System.exit(1);\nend\n"))));

        assertThat(error.messages()).singleElement().extracting(RuleMessage::toString).asString()
                .startsWith("escape.drl:7:5: Sandbox: java.lang.System is not allowed in the consequence of rule \"An escape attempt\"");
    }

    @Test
    @DisplayName("a decision table is checked on the DRL Drools generates, and reported at its cell")
    void decisionTable() {
        String table = String.join("\n",
                "\"RuleSet\",\"org.rapport.rules\"",
                "\"Import\",\"org.rapport.rules.facts.Kpi\"",
                "",
                "\"RuleTable Escape\"",
                "\"CONDITION\",\"ACTION\"",
                "\"$kpi : Kpi\",\"\"",
                "\"code == \"\"$param\"\"\",\"System.setProperty(\"\"x\"\", \"\"$param\"\");\"",
                "\"KPI code\",\"Value\"",
                "\"NPS\",\"30\"",
                "");

        assertThat(sandbox.check(List.of(RuleFileSource.ofText("escape.drl.csv", table))))
                .singleElement().satisfies(message -> {
                    assertThat(message.file()).isEqualTo("escape.drl.csv");
                    assertThat(message.line()).isEqualTo(7); // the code row holds "System"
                    assertThat(message.column()).isEqualTo(2);
                    assertThat(message.text()).contains("java.lang.System").contains("cell B7");
                });
    }

    @Test
    @DisplayName("the default rule set passes the sandbox")
    void defaultRuleSet() {
        assertThat(sandbox.check(DefaultRuleSet.files())).isEmpty();
    }

    private List<RuleMessage> check(String drl) {
        return sandbox.check(List.of(RuleFileSource.ofText("escape.drl", drl)));
    }
}
