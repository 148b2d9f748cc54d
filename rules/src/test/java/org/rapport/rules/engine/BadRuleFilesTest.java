package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rapport.rules.facts.Kpi;

/** Bad rule files never compile, and each message names the place: file and line, or sheet, row and column. */
class BadRuleFilesTest {

    private static final String PACKAGE = "package org.rapport.rules;\nimport org.rapport.rules.facts.Kpi;\n";

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Nested
    @DisplayName("DRL files")
    class DrlFiles {

        @Test
        @DisplayName("an unknown fact type is reported at its pattern")
        void unknownFactType() {
            assertThat(errors(RuleFileSource.ofText("unknown.drl", PACKAGE
                    + "rule \"Customers over 65\"\nwhen\n    Customer( age > 65 )\nthen\nend\n")))
                    .singleElement().satisfies(message -> {
                        assertThat(message.file()).isEqualTo("unknown.drl");
                        assertThat(message.line()).isEqualTo(5);
                        assertThat(message.text()).contains("Customer");
                    });
        }

        @Test
        @DisplayName("an empty file, or one of blank lines, is rejected")
        void emptyFile() {
            assertThat(errors(RuleFileSource.ofText("empty.drl", ""))).singleElement()
                    .extracting(RuleMessage::toString).isEqualTo("empty.drl:0:0: The file is empty");
            assertThat(errors(RuleFileSource.ofText("blank.drl", "\n   \n"))).singleElement()
                    .extracting(RuleMessage::text).isEqualTo("The file is empty");
        }

        @Test
        @DisplayName("a file with a package and nothing else is rejected")
        void declaresNothing() {
            assertThat(errors(RuleFileSource.ofText("nothing.drl", PACKAGE))).singleElement()
                    .extracting(RuleMessage::text).isEqualTo("The file declares no rule, query, function or type");
        }

        @Test
        @DisplayName("a binary file renamed .drl is rejected at its first byte that is not text")
        void binaryFile() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d};
            assertThat(errors(new RuleFileSource("logo.drl", png))).singleElement().satisfies(message -> {
                assertThat(message.file()).isEqualTo("logo.drl");
                assertThat(message.line()).isEqualTo(1);
                assertThat(message.column()).isEqualTo(1);
                assertThat(message.text()).startsWith("Not a text file").contains("0x89");
            });
            byte[] controlCharacters = "rule \"x\"\n\u0000\u0001".getBytes(StandardCharsets.UTF_8);
            assertThat(errors(new RuleFileSource("nul.drl", controlCharacters))).singleElement()
                    .extracting(RuleMessage::line, RuleMessage::column).containsExactly(2, 1);
        }

        @Test
        @DisplayName("two files declaring the same rule name are rejected at the second, naming the first")
        void duplicateRuleName() {
            String rule = "rule \"NPS is graded\"\nwhen\n    Kpi()\nthen\nend\n";
            assertThat(errors(RuleFileSource.ofText("first.drl", PACKAGE + rule),
                    RuleFileSource.ofText("second.drl", PACKAGE + "\n" + rule)))
                    .singleElement().satisfies(message -> {
                        assertThat(message.file()).isEqualTo("second.drl");
                        assertThat(message.line()).isEqualTo(4);
                        assertThat(message.text()).isEqualTo("Rule name \"NPS is graded\" is declared twice: also in"
                                + " first.drl at line 3; rule names must be unique in a rule set");
                    });
        }

        @Test
        @DisplayName("a file that is neither DRL nor a decision table is rejected")
        void notARuleFile() {
            assertThat(errors(RuleFileSource.ofText("notes.txt", "remember the milk"))).singleElement()
                    .extracting(RuleMessage::text).asString().startsWith("Not a rule file");
        }
    }

    @Nested
    @DisplayName("XLSX decision tables")
    class XlsxTables {

        @Test
        @DisplayName("a well-formed .drl.xlsx table compiles and sets its targets")
        void wellFormed() throws InvalidRuleSetException {
            CompiledRuleSet rules = compiler.compile(List.of(Workbooks.xlsx("targets.drl.xlsx", "Targets",
                    Workbooks.targetsTable("NPS", "45"))));

            Kpi nps = rules.evaluate(List.of(Kpi.overall("NPS", BigDecimal.ONE))).kpis().get(0);
            assertThat(nps.getTarget()).isEqualByComparingTo("45");
        }

        @Test
        @DisplayName("a row that does not compile is reported at its sheet, row and column")
        void rowError() {
            String[][] rows = Workbooks.targetsTable("NPS", "30");
            rows[6][1] = "$kpi.setGoal(new BigDecimal(\"$param\"));";

            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", rows))).singleElement().satisfies(message -> {
                assertThat(message.file()).isEqualTo("targets.drl.xlsx");
                assertThat(message.sheet()).isEqualTo("Targets");
                assertThat(message.line()).isEqualTo(9);
                assertThat(message.column()).isEqualTo(2);
                assertThat(message.text()).contains("setGoal").contains("cell B9");
            });
        }

        @Test
        @DisplayName("a missing CONDITION/ACTION header row is reported at the cell Drools stumbled on")
        void missingKeywordRow() {
            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", without(4))))
                    .singleElement().satisfies(message -> {
                        assertThat(message.sheet()).isEqualTo("Targets");
                        assertThat(message.line()).isEqualTo(5);
                        assertThat(message.column()).isEqualTo(1);
                        assertThat(message.text()).contains("Invalid column header");
                    });
        }

        @Test
        @DisplayName("a missing code row, which Drools would read silently, is reported at the row that should hold code")
        void missingCodeRow() {
            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", without(6))))
                    .extracting(RuleMessage::sheet, RuleMessage::line, RuleMessage::column)
                    .contains(org.assertj.core.groups.Tuple.tuple("Targets", 7, 1),
                            org.assertj.core.groups.Tuple.tuple("Targets", 7, 2));
        }

        @Test
        @DisplayName("a missing label row, which would swallow the first rule, is reported")
        void missingLabelRow() {
            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", without(7))))
                    .singleElement().satisfies(message -> {
                        assertThat(message.line()).isEqualTo(8);
                        assertThat(message.text()).contains("is the label row missing?");
                    });
        }

        @Test
        @DisplayName("merged cells among the rule rows are reported with the range; a merged object-type row is fine")
        void mergedCells() throws InvalidRuleSetException {
            String[][] twoRows = Arrays.copyOf(Workbooks.targetsTable("NPS", "30"), 10);
            twoRows[9] = new String[] {"CSAT", ""};

            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", twoRows, "B9:B10")))
                    .singleElement().satisfies(message -> {
                        assertThat(message.sheet()).isEqualTo("Targets");
                        assertThat(message.line()).isEqualTo(9);
                        assertThat(message.column()).isEqualTo(2);
                        assertThat(message.text()).startsWith("Merged cells B9:B10 inside a rule table");
                    });
            assertThat(compiler.compile(List.of(Workbooks.xlsx("targets.drl.xlsx", "Targets",
                    Workbooks.targetsTable("NPS", "30"), "A6:B6", "A3:C3")))).isNotNull();
        }

        @Test
        @DisplayName("merged cells that hide a value are reported, even outside a rule table")
        void mergedCellsHidingAValue() {
            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", Workbooks.targetsTable("NPS", "30"), "A1:C1")))
                    .singleElement().satisfies(message -> {
                        assertThat(message.line()).isEqualTo(1);
                        assertThat(message.column()).isEqualTo(1);
                        assertThat(message.text()).startsWith("Merged cells A1:C1 hide the value of B1");
                    });
        }

        @Test
        @DisplayName("a file named .drl.xlsx that is not a workbook is rejected")
        void notAWorkbook() {
            assertThat(errors(RuleFileSource.ofText("targets.drl.xlsx", "NPS,30"))).singleElement()
                    .extracting(RuleMessage::text).asString().startsWith("Not a readable workbook");
        }

        @Test
        @DisplayName("a decision table rule name that a DRL file also declares is a duplicate")
        void duplicateAcrossTableAndDrl() {
            String[][] rows = Workbooks.targetsTable("NPS", "30");
            assertThat(errors(Workbooks.xlsx("targets.drl.xlsx", "Targets", rows),
                    RuleFileSource.ofText("copy.drl", PACKAGE + "rule \"Targets_9\" when Kpi() then end\n")))
                    .singleElement().extracting(RuleMessage::text).asString()
                    .contains("declared twice: also in targets.drl.xlsx [Targets] at line 9");
        }

        private String[][] without(int rowIndex) {
            List<String[]> rows = new ArrayList<>(Arrays.asList(Workbooks.targetsTable("NPS", "30")));
            rows.remove(rowIndex);
            return rows.toArray(new String[0][]);
        }
    }

    @Test
    @DisplayName("an empty CSV decision table is rejected")
    void emptyCsv() {
        assertThat(errors(new RuleFileSource("targets.drl.csv", new byte[0]))).singleElement()
                .extracting(RuleMessage::text).isEqualTo("The file is empty");
    }

    private List<RuleMessage> errors(RuleFileSource... files) {
        InvalidRuleSetException error = catchThrowableOfType(InvalidRuleSetException.class,
                () -> compiler.compile(List.of(files)));
        assertThat(error).as("a bad rule set must not compile").isNotNull();
        return error.messages();
    }
}
