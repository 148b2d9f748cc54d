package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 10: rule files that try to run something on the server. Every case is a whole draft as an author
 * would submit it, validated end to end ({@link RuleSetValidator}: sandbox, compile, generated-code check,
 * scenarios); each must be refused with the file, a line and a reason, and must have had no effect: the
 * marker file it tries to create does not exist, the socket it tries to reach accepted nothing, and no
 * evaluation thread is left running.
 */
class RuleSandboxCorpusTest {

    private static final String HEADER = "package org.rapport.rules;\n"
            + "import org.rapport.rules.facts.Kpi;\n";

    @TempDir
    Path folder;

    private Path marker;
    private ServerSocketChannel listening;
    private final RuleBudget budget = new RuleBudget(Duration.ofSeconds(30), 64L * 1024 * 1024, 2);
    private final RuleSetCompiler compiler = new RuleSetCompiler(10_000, 100, budget);
    private final RuleSetValidator validator = new RuleSetValidator(compiler);

    @BeforeEach
    void listen() throws IOException {
        marker = folder.resolve("marker");
        listening = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        listening.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        listening.close();
    }

    static Stream<Arguments> drlFiles() {
        return Stream.of(
                drl("rule metadata calling Runtime.exec",
                        "rule \"Metadata\" @note( Runtime.getRuntime().exec( new String[] { \"touch\", \"MARKER\" } ) )\n"
                                + "when\n    $kpi : Kpi()\nthen\nend\n"),
                drl("rule metadata creating a file",
                        "rule \"Metadata\"\n    @createdBy( new java.io.File( \"MARKER\" ).createNewFile() )\n"
                                + "when\n    $kpi : Kpi()\nthen\nend\n"),
                drl("declared type annotation",
                        "declare Note\n    @author( new java.io.File( \"MARKER\" ).createNewFile() )\n    text : String\nend\n"),
                drl("declared field annotation",
                        "declare Note\n    text : String @key( new java.io.File( \"MARKER\" ).createNewFile() )\nend\n"),
                drl("package dialect mvel",
                        "dialect \"mvel\"\nrule \"M\"\nwhen\n    $kpi : Kpi()\nthen\n    x = $kpi.code;\nend\n"),
                drl("rule dialect mvel with a null-safe chain",
                        "rule \"M\"\n    dialect \"mvel\"\nwhen\n    $kpi : Kpi()\nthen\n    $kpi!.code!.length();\nend\n"),
                drl("MVEL null-safe navigation in a condition",
                        "rule \"N\"\nwhen\n    $kpi : Kpi( this!.code == \"NPS\" )\nthen\nend\n"),
                drl("MVEL property navigation to the class loader",
                        "rule \"P\"\nwhen\n    $kpi : Kpi( this.class.classLoader != null )\nthen\nend\n"),
                drl("drools.getKieRuntime",
                        "rule \"H\"\nwhen\n    $kpi : Kpi()\nthen\n    drools.getKieRuntime().getKieBase();\nend\n"),
                drl("kcontext.getKieRuntime",
                        "rule \"H\"\nwhen\n    $kpi : Kpi()\nthen\n    kcontext.getKieRuntime().insert( \"x\" );\nend\n"),
                drl("drools.halt and the session's entry points",
                        "rule \"H\"\nwhen\n    $kpi : Kpi()\nthen\n    drools.getEntryPoint( \"DEFAULT\" ).insert( \"x\" );\n    drools.halt();\nend\n"),
                drl("catching what the budget throws",
                        "rule \"C\"\nwhen\n    $kpi : Kpi()\nthen\n    try { $kpi.getCode(); } catch ( Throwable any ) { }\nend\n"),
                drl("an MVEL inline cast to Runtime",
                        "rule \"Cast\"\nwhen\n    $kpi : Kpi( this#java.lang.Runtime != null )\nthen\nend\n"),
                drl("a stream in a condition",
                        "rule \"Stream\"\nwhen\n    $kpi : Kpi( code == String.valueOf( java.util.stream.IntStream.range( 0, 10 ).sum() ) )\nthen\nend\n"),
                drl("the class loader of drools",
                        "rule \"H\"\nwhen\n    $kpi : Kpi()\nthen\n    drools.getClass().getClassLoader().loadClass( \"java.lang.Runtime\" );\nend\n"),
                drl("a getClass chain to Runtime",
                        "rule \"R\"\nwhen\n    $kpi : Kpi()\nthen\n    $kpi.getClass().getClassLoader().loadClass( \"java.lang.Runtime\" )"
                                + ".getMethod( \"getRuntime\" ).invoke( null );\nend\n"),
                drl("a class literal",
                        "rule \"R\"\nwhen\n    $kpi : Kpi()\nthen\n    Kpi.class.getClassLoader();\nend\n"),
                drl("an anonymous class",
                        "rule \"A\"\nwhen\n    $kpi : Kpi()\nthen\n    Object note = new Object() { public String toString() { return \"x\"; } };\nend\n"),
                drl("an anonymous Comparator",
                        "import java.util.List;\nimport java.util.ArrayList;\nimport java.util.Collections;\nimport java.util.Comparator;\n"
                                + "rule \"A\"\nwhen\n    $kpi : Kpi()\nthen\n    List<String> codes = new ArrayList<>();\n"
                                + "    Collections.sort( codes, new Comparator<String>() { public int compare( String a, String b ) { return 0; } } );\nend\n"),
                drl("a local class",
                        "rule \"L\"\nwhen\n    $kpi : Kpi()\nthen\n    class Local { }\n    new Local();\nend\n"),
                drl("a function body creating a file",
                        "function boolean touch( String path ) {\n    return new java.io.File( path ).createNewFile();\n}\n"
                                + "rule \"F\"\nwhen\n    $kpi : Kpi()\nthen\n    touch( \"MARKER\" );\nend\n"),
                drl("a function body opening a socket",
                        "function void call() {\n    new java.net.Socket( \"127.0.0.1\", PORT ).close();\n}\n"
                                + "rule \"F\"\nwhen\n    $kpi : Kpi()\nthen\n    call();\nend\n"),
                drl("a consequence opening a socket",
                        "rule \"S\"\nwhen\n    $kpi : Kpi()\nthen\n    new java.net.Socket( \"127.0.0.1\", PORT ).close();\nend\n"),
                drl("a unicode-escaped Runtime",
                        "rule \"U\"\nwhen\n    $kpi : Kpi()\nthen\n    \\u0052untime.getRuntime().exec( \"touch MARKER\" );\nend\n"),
                drl("a unicode escape closing a string",
                        "rule \"U\"\nwhen\n    $kpi : Kpi()\nthen\n    String s = \"\\u0022; Runtime.getRuntime().exec( \"touch MARKER\" ); //\";\nend\n"),
                drl("from",
                        "rule \"From\"\nwhen\n    $made : Object() from new java.io.File( \"MARKER\" ).createNewFile()\nthen\nend\n"),
                drl("accumulate",
                        "rule \"Acc\"\nwhen\n    accumulate( $kpi : Kpi(); $n : count( new java.io.File( \"MARKER\" ).createNewFile() ) )\nthen\nend\n"),
                drl("eval",
                        "rule \"Eval\"\nwhen\n    eval( new java.io.File( \"MARKER\" ).createNewFile() )\nthen\nend\n"),
                drl("a computed salience",
                        "rule \"Sal\"\n    salience ( new java.io.File( \"MARKER\" ).createNewFile() ? 1 : 0 )\nwhen\n    $kpi : Kpi()\nthen\nend\n"),
                drl("a thread",
                        "rule \"T\"\nwhen\n    $kpi : Kpi()\nthen\n    new Thread( () -> { } ).start();\nend\n"),
                drl("an endless loop",
                        "rule \"Loop\"\nwhen\n    $kpi : Kpi()\nthen\n    while ( $kpi != null ) { $kpi.getCode(); }\nend\n"),
                drl("a loop that allocates without end",
                        "import java.util.List;\nimport java.util.ArrayList;\n"
                                + "rule \"Grow\"\nwhen\n    $kpi : Kpi()\nthen\n    List<String> all = new ArrayList<>();\n"
                                + "    for ( ;; ) { all.add( String.valueOf( all.size() ) ); }\nend\n"),
                drl("deep recursion",
                        "function int deeper( int depth ) {\n    return deeper( depth + 1 );\n}\n"
                                + "rule \"Deep\"\nwhen\n    $kpi : Kpi()\nthen\n    deeper( 0 );\nend\n"),
                drl("recursion through two functions",
                        "function int ping( int n ) {\n    return pong( n + 1 );\n}\nfunction int pong( int n ) {\n    return ping( n + 1 );\n}\n"
                                + "rule \"Deep\"\nwhen\n    $kpi : Kpi()\nthen\n    ping( 0 );\nend\n"),
                drl("a huge array",
                        "rule \"Huge\"\nwhen\n    $kpi : Kpi()\nthen\n    long[] huge = new long[ Integer.MAX_VALUE - 8 ];\nend\n"),
                drl("a huge string",
                        "rule \"Huge\"\nwhen\n    $kpi : Kpi()\nthen\n    String huge = \"x\".repeat( Integer.MAX_VALUE / 2 );\nend\n"));
    }

    private static Arguments drl(String family, String body) {
        return Arguments.of(family, HEADER + body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drlFiles")
    @DisplayName("a DRL file that reaches outside the sandbox is refused, and nothing it wrote ran")
    void drlFileRefused(String family, String drl) throws IOException {
        RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("escape.drl", filled(drl))));

        assertRefused(validation, "escape.drl");
        assertNoEffect();
    }

    /**
     * Drools escapes the double quotes of a cell's value, so a cell that means harm writes its strings in MVEL's
     * single quotes (conditions, metadata) or as a char array (actions, Java).
     */
    static Stream<Arguments> tableCells() {
        return Stream.of(
                Arguments.of("METADATA cell", "METADATA", "note( $param )", "Runtime.getRuntime().exec( 'touch MARKER' )"),
                Arguments.of("ACTION cell", "ACTION", "$kpi.setTarget( new java.math.BigDecimal( $param ) );",
                        "new java.io.File( String.valueOf( MARKER_CHARS ) ).createNewFile() ? 1 : 0"),
                Arguments.of("CONDITION cell", "CONDITION", "code == $param",
                        "String.valueOf( new java.io.File( 'MARKER' ).createNewFile() )"));
    }

    @ParameterizedTest(name = "CSV {0}")
    @MethodSource("tableCells")
    @DisplayName("a CSV decision table whose cell reaches outside the sandbox is refused, and nothing ran")
    void csvCellRefused(String family, String keyword, String code, String cell) throws IOException {
        String csv = table(keyword, code, filled(cell)).stream()
                .map(row -> Stream.of(row).map(value -> "\"" + value.replace("\"", "\"\"") + "\"").collect(Collectors.joining(",")))
                .collect(Collectors.joining("\n", "", "\n"));

        RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("escape.drl.csv", csv)));

        assertRefused(validation, "escape.drl.csv");
        assertThat(validation.messages()).anySatisfy(message -> assertThat(message.line()).as("the row of the cell").isEqualTo(9));
        assertNoEffect();
    }

    @ParameterizedTest(name = "XLSX {0}")
    @MethodSource("tableCells")
    @DisplayName("an XLSX decision table whose cell reaches outside the sandbox is refused, and nothing ran")
    void xlsxCellRefused(String family, String keyword, String code, String cell) throws IOException {
        RuleFileSource workbook = Workbooks.xlsx("escape.drl.xlsx", "Targets",
                table(keyword, code, filled(cell)).toArray(String[][]::new));

        RuleSetValidation validation = validator.validate(List.of(workbook));

        assertRefused(validation, "escape.drl.xlsx");
        assertThat(validation.messages()).anySatisfy(message -> assertThat(message.line()).as("the row of the cell").isEqualTo(9));
        assertNoEffect();
    }

    @Test
    @DisplayName("the default rule set still passes every check and its scenarios")
    void defaultRuleSetPasses() {
        List<RuleFileSource> files = new java.util.ArrayList<>(DefaultRuleSet.files());
        files.addAll(DefaultRuleSet.scenarios());

        assertThat(validator.validate(files).messages()).isEmpty();
    }

    @Nested
    @DisplayName("what is allowed still compiles")
    class Allowed {

        @Test
        @DisplayName("literal metadata, @watch, java-dialect attributes, value types and collections")
        void allowedRules() {
            RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("fine.drl", HEADER
                    + "import java.math.BigDecimal;\nimport java.util.List;\nimport java.util.ArrayList;\n"
                    + "rule \"Literal metadata\" @owner( \"strategy team\" ) @version( 2 )\n"
                    + "    dialect \"java\"\n    salience -5\n"
                    + "when\n    $kpi : Kpi( value != null ) @watch( value )\nthen\n"
                    + "    List<String> codes = new ArrayList<>();\n    codes.add( $kpi.getCode() );\n"
                    + "    $kpi.setTarget( BigDecimal.TEN.max( $kpi.getValue() ) );\n"
                    + "    drools.getRule().getName();\nend\n")));

            assertThat(validation.messages()).isEmpty();
        }

        @Test
        @DisplayName("a switch on an enum, a ternary and a try block in a consequence")
        void branches() {
            RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("fine.drl", HEADER
                    + "import org.rapport.rules.facts.Rag;\n"
                    + "rule \"Branches\"\nwhen\n    $kpi : Kpi()\nthen\n    String word;\n"
                    + "    switch ( $kpi.getRag() ) {\n        case RED: word = \"red\"; break;\n        default: word = \"other\";\n    }\n"
                    + "    try {\n        word = word.isEmpty() ? \"none\" : word.toUpperCase();\n    } catch ( RuntimeException ignored ) {\n    }\nend\n")));

            assertThat(validation.messages()).isEmpty();
        }

        @Test
        @DisplayName("a declared type and a function that use only allowed types")
        void declaredTypeAndFunction() {
            RuleSetValidation validation = validator.validate(List.of(RuleFileSource.ofText("fine.drl", HEADER
                    + "declare Note\n    text : String\nend\n"
                    + "function String shout( String text ) {\n    return text.toUpperCase() + \"!\";\n}\n"
                    + "rule \"Notes\"\nwhen\n    $kpi : Kpi()\nthen\n    Note note = new Note();\n"
                    + "    note.setText( shout( $kpi.getCode() ) );\n    insert( note );\nend\n")));

            assertThat(validation.messages()).isEmpty();
        }
    }

    private List<String[]> table(String keyword, String code, String cell) {
        return List.of(
                new String[] {"RuleSet", "org.rapport.rules"},
                new String[] {"Import", "org.rapport.rules.facts.Kpi"},
                new String[] {},
                new String[] {"RuleTable Escape"},
                new String[] {"CONDITION", keyword},
                new String[] {"$kpi : Kpi", "CONDITION".equals(keyword) ? "Kpi" : ""},
                new String[] {"code == \"$param\"", code},
                new String[] {"KPI code", "Value"},
                new String[] {"NPS", cell});
    }

    private String filled(String text) {
        String chars = marker.toString().chars().mapToObj(character -> "'" + (char) character + "'")
                .collect(Collectors.joining(", ", "new char[] { ", " }"));
        return text.replace("MARKER_CHARS", chars).replace("MARKER", marker.toString()).replace("PORT", String.valueOf(listening.socket().getLocalPort()));
    }

    private static void assertRefused(RuleSetValidation validation, String file) {
        assertThat(validation.valid()).isFalse();
        assertThat(validation.ruleSet()).as("nothing refused is compiled into a rule set").isEmpty();
        assertThat(validation.messages()).isNotEmpty().allSatisfy(message -> {
            assertThat(message.file()).isEqualTo(file);
            assertThat(message.line()).isPositive();
        });
        assertThat(validation.messages()).anySatisfy(message -> assertThat(message.text()).startsWith("Sandbox: "));
    }

    private void assertNoEffect() throws IOException {
        assertThat(Files.exists(marker)).as("marker file").isFalse();
        assertThat(listening.accept()).as("a connection to the listening socket").isNull();
        assertThat(compiler.evaluator().running()).as("evaluations still running").isZero();
    }
}
