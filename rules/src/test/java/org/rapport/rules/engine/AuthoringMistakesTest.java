package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The mistakes a strategy analyst makes with the README and the rule files alone, each refused with a message in
 * their terms at the place they made it — rather than a rule that compiles and never fires, or a Drools message
 * on the rule's first line.
 */
class AuthoringMistakesTest {

    private static final String HEADER = """
            package org.rapport.rules;
            import org.rapport.rules.facts.Kpi;
            import org.rapport.rules.facts.Rag;
            import java.math.BigDecimal;
            """;

    /** A catalogue as the engine hands it in: NPS by segment, value band and channel; churn not by channel. */
    private static final KpiVocabulary CATALOGUE = KpiVocabulary.of(Map.of(
            "NPS", List.of("segment", "value_band", "channel"),
            "CSAT", List.of("segment", "value_band", "channel"),
            "CHURN_RATE", List.of("segment", "value_band"),
            "SURVEY_REACH_GAP", List.of()));

    private final RuleSetValidator validator = new RuleSetValidator(new RuleSetCompiler(), CATALOGUE);

    @Nested
    @DisplayName("KPI codes and breakdowns that do not exist")
    class Vocabulary {

        @Test
        @DisplayName("a rule on a KPI code that does not exist is an error at the code, with the nearest one")
        void unknownKpiCode() {
            assertThat(problems(drl("""
                    rule "Low NPS"
                    when
                        $kpi : Kpi( code == "NPSS", rag == Rag.RED )
                    then
                    end
                    """))).singleElement().satisfies(message -> {
                assertThat(message.file()).isEqualTo("mine.drl");
                assertThat(message.line()).isEqualTo(7);
                assertThat(message.column()).isEqualTo(26);
                assertThat(message.text()).startsWith("No KPI has the code \"NPSS\": did you mean NPS?")
                        .contains("rule \"Low NPS\"");
            });
        }

        @Test
        @DisplayName("a breakdown written value_band:high is an error saying to write value_band=high")
        void breakdownSpelledWithAColon() {
            assertThat(problems(drl("""
                    rule "High-value customers unhappy"
                    when
                        $kpi : Kpi( code == "NPS",
                                    dimension == "value_band:high", rag == Rag.RED )
                    then
                    end
                    """))).singleElement().satisfies(message -> {
                assertThat(message.line()).isEqualTo(8);
                assertThat(message.column()).isEqualTo(31);
                assertThat(message.text()).contains("write value_band=high")
                        .contains("segment, value_band, channel, engagement");
            });
        }

        @Test
        @DisplayName("a breakdown the KPI is not measured by, or a prefix no dimension has, is an error")
        void breakdownTheKpiDoesNotHave() {
            List<RuleMessage> problems = problems(drl("""
                    rule "Churn on the phones"
                    when
                        Kpi( code in ("CHURN_RATE", "NPS"), dimension == "channel=phone" )
                    then
                    end
                    rule "Any colour"
                    when
                        Kpi( dimension.startsWith("colour=") )
                    then
                    end
                    """));
            assertThat(problems).extracting(RuleMessage::line, RuleMessage::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(7, "CHURN_RATE is not measured by channel, so \"channel=phone\" never"
                            + " occurs: its breakdowns are segment, value_band (in rule \"Churn on the phones\")"),
                    org.assertj.core.groups.Tuple.tuple(12, problems.get(1).text()));
            assertThat(problems.get(1).text()).startsWith("no dimension starts with \"colour=\"");
        }

        @Test
        @DisplayName("a decision-table row naming an unknown KPI code is an error at its cell")
        void unknownCodeInADecisionTable() {
            String table = """
                    "RuleSet","org.rapport.rules"
                    "Import","org.rapport.rules.facts.Kpi, java.math.BigDecimal"

                    "RuleTable Targets"
                    "NAME","CONDITION","ACTION"
                    "","$kpi : Kpi",""
                    "","code == ""$param"", target == null","modify($kpi) { setTarget(new BigDecimal(""$param"")) }"
                    "Rule","KPI code","Target"
                    "Target for NPS","NPS","30"
                    "Target for CSAT","CSTA","80"
                    """;
            assertThat(problems(List.of(RuleFileSource.ofText("targets.drl.csv", table)))).singleElement().satisfies(message -> {
                assertThat(message.file()).isEqualTo("targets.drl.csv");
                assertThat(message.line()).isEqualTo(10);
                assertThat(message.column()).isEqualTo(2);
                assertThat(message.text()).contains("No KPI has the code \"CSTA\": did you mean CSAT?").contains("cell B10");
            });
        }

        @Test
        @DisplayName("a scenario giving or expecting a KPI code or breakdown that does not exist is an error at its line and column")
        void unknownCodeAndBreakdownInAScenario() {
            List<RuleFileSource> files = new ArrayList<>(drl("""
                    rule "Nothing to see"
                    when
                        Kpi( code == "NPS" )
                    then
                    end
                    """));
            files.add(RuleFileSource.ofText("phones.scenario.json", """
                    { "scenario": "Phones",
                      "given": { "kpis": [ { "code": "NPS", "dimension": "channel:phone", "value": 7 },
                                           { "code": "NSP", "value": 1 } ] },
                      "expect": { "rag": { "NPS@channel:phone": "NONE" } } }
                    """));
            assertThat(problems(files)).extracting(RuleMessage::file, RuleMessage::line, RuleMessage::column)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("phones.scenario.json", 2, 54),
                            org.assertj.core.groups.Tuple.tuple("phones.scenario.json", 3, 34),
                            org.assertj.core.groups.Tuple.tuple("phones.scenario.json", 4, 24));
            assertThat(problems(files)).extracting(RuleMessage::text)
                    .anySatisfy(text -> assertThat(text).contains("write channel=phone"))
                    .anySatisfy(text -> assertThat(text).contains("No KPI has the code \"NSP\": did you mean NPS?"))
                    .anySatisfy(text -> assertThat(text).startsWith("expect.rag \"NPS@channel:phone\" (CODE@dimension):"));
        }

        @Test
        @DisplayName("without the catalogue, codes are not checked but breakdowns still are")
        void breakdownsAreCheckedWithoutTheCatalogue() {
            RuleSetValidation validation = new RuleSetValidator().validate(drl("""
                    rule "Any code, a bad breakdown"
                    when
                        Kpi( code == "WHATEVER", dimension == "segment:basic" )
                    then
                    end
                    """));
            assertThat(validation.messages()).singleElement().extracting(RuleMessage::text).asString()
                    .contains("write segment=basic");
        }
    }

    @Nested
    @DisplayName("names a fact does not have")
    class Fields {

        @Test
        @DisplayName("a misspelt field is reported at the field, in the author's words, not as Drools' strict-mode error on the rule's first line")
        void misspeltField() {
            InvalidRuleSetException invalid = compileFails(drl("""
                    rule "NPS down"
                    when
                        $kpi : Kpi( code == "NPS",
                                    valeu < previous )
                    then
                    end
                    """));
            assertThat(invalid.messages()).singleElement().satisfies(message -> {
                assertThat(message.line()).isEqualTo(8);
                assertThat(message.column()).isEqualTo(17);
                assertThat(message.text()).startsWith("Kpi has no field \"valeu\": did you mean \"value\"?")
                        .contains("amberLimit, code, dimension, direction, measured, previous, rag, target, unit, value")
                        .doesNotContain("strict-mode");
            });
        }

        @Test
        @DisplayName("a misspelt field in a decision table's code row is reported once, at its cell")
        void misspeltFieldInADecisionTable() {
            String table = """
                    "RuleSet","org.rapport.rules"
                    "Import","org.rapport.rules.facts.Kpi, java.math.BigDecimal"

                    "RuleTable Targets"
                    "NAME","CONDITION","ACTION"
                    "","$kpi : Kpi",""
                    "","code == ""$param"", targt == null","modify($kpi) { setTarget(new BigDecimal(""$param"")) }"
                    "Rule","KPI code","Target"
                    "Target for NPS","NPS","30"
                    "Target for CSAT","CSAT","80"
                    """;
            InvalidRuleSetException invalid = compileFails(List.of(RuleFileSource.ofText("targets.drl.csv", table)));
            assertThat(invalid.messages()).singleElement().satisfies(message -> {
                assertThat(message.line()).isEqualTo(7);
                assertThat(message.column()).isEqualTo(2);
                assertThat(message.text()).startsWith("Kpi has no field \"targt\": did you mean \"target\"?")
                        .endsWith("(cell B7)");
            });
        }

        @Test
        @DisplayName("a misspelt method in a consequence is reported at its line and column with the nearest method")
        void misspeltMethodInAConsequence() {
            InvalidRuleSetException invalid = compileFails(drl("""
                    rule "Stretch NPS"
                    when
                        $kpi : Kpi( code == "NPS" )
                    then
                        $kpi.setTargett( new BigDecimal( "40" ) );
                    end
                    """));
            assertThat(invalid.messages()).singleElement().satisfies(message -> {
                assertThat(message.line()).isEqualTo(9);
                assertThat(message.column()).isEqualTo(10);
                assertThat(message.text()).contains("setTargett").contains("did you mean setTarget?");
            });
        }

        @Test
        @DisplayName("bindings, methods, functions, operators and constants in conditions are not mistaken for fields")
        void validNamesAreLeftAlone() {
            List<RuleFileSource> files = drl("""
                    function boolean low(BigDecimal value) { return value.signum() < 0; }
                    rule "Many valid forms"
                    when
                        $nps : Kpi( code == "NPS", dimension == Kpi.OVERALL, measured, this != null,
                                    low(value) || meets(target), $v : value, rag != Rag.NONE,
                                    dimension str[startsWith] "over" )
                        Kpi( code == "CSAT", value != null, value > $v, dimension.startsWith("channel=") )
                    then
                    end
                    """);
            assertThat(problems(files)).isEmpty();
        }

        @Test
        @DisplayName("a function declared in another file of the set may be called in a condition")
        void functionOfAnotherFile() {
            List<RuleFileSource> files = List.of(
                    RuleFileSource.ofText("functions.drl", HEADER + "function boolean low(BigDecimal value) { return value.signum() < 0; }\n"),
                    RuleFileSource.ofText("mine.drl", HEADER + """
                            rule "Low NPS"
                            when
                                Kpi( code == "NPS", value != null, low(value) )
                            then
                            end
                            """));
            assertThat(problems(files)).isEmpty();
        }
    }

    @Test
    @DisplayName("ruleset.txt is no part of a rule set, and the message says why and what to do")
    void aListOfFilesIsNotPartOfARuleSet() {
        List<RuleFileSource> files = new ArrayList<>(drl("""
                rule "Nothing to see"
                when
                    Kpi( code == "NPS" )
                then
                end
                """));
        files.add(RuleFileSource.ofText("ruleset.txt", "mine.drl\n"));
        assertThat(problems(files)).singleElement().extracting(RuleMessage::text).asString()
                .contains("a rule set holds rules (.drl), decision tables (.drl.csv, .drl.xlsx) and scenarios (.scenario.json)")
                .contains("leave ruleset.txt out");
        assertThat(RuleFileSource.notInARuleSet("ruleset.txt")).isNotNull();
        assertThat(RuleFileSource.notInARuleSet("kpi-targets.drl.xlsx")).isNull();
        assertThat(RuleFileSource.notInARuleSet("mine.scenario.json")).isNull();
    }

    @Nested
    @DisplayName("what a draft drops of the rule set it would replace")
    class Dropped {

        private final RuleSetBaseline active = new RuleSetBaseline("the active set (v1 default)", defaults());

        /** Every code of the default targets table, each measured by every breakdown. */
        private final RuleSetValidator validator = new RuleSetValidator(new RuleSetCompiler(), KpiVocabulary.of(
                defaults().stream().filter(file -> file.name().equals("kpi-targets.drl.csv"))
                        .flatMap(file -> new String(file.content(), StandardCharsets.UTF_8).lines())
                        .filter(line -> line.startsWith("\"Target for") || line.startsWith("\"Baseline for"))
                        .map(line -> line.split("\",\"")[1])
                        .collect(java.util.stream.Collectors.toMap(code -> code, code -> KpiVocabulary.BREAKDOWNS))));

        @Test
        @DisplayName("a draft of the targets table alone warns that it grades nothing and raises no triggers")
        void aDraftOfOneTableWarns() {
            List<RuleFileSource> tableOnly = defaults().stream().filter(file -> file.name().equals("kpi-targets.drl.csv")).toList();

            RuleSetValidation validation = validator.validate(tableOnly, active);

            assertThat(validation.valid()).isTrue();
            assertThat(validation.warnings()).extracting(RuleMessage::text)
                    .anySatisfy(text -> assertThat(text).isEqualTo("kpi-status.drl of the active set (v1 default) is not in"
                            + " the draft: its 3 rule(s) are dropped"))
                    .anySatisfy(text -> assertThat(text).startsWith("The draft has no trigger rules at all: the active set"
                            + " (v1 default) has "))
                    .anySatisfy(text -> assertThat(text).startsWith("The draft grades no RAG for 32 KPI(s) that the active set"
                            + " (v1 default) grades (no grading rules?): AVERAGE_SPEED_OF_ANSWER, CHURN_CONTROLLABLE_SHARE,"));
        }

        @Test
        @DisplayName("a copy of the active set with one target changed warns of nothing")
        void aChangedCopyWarnsOfNothing() {
            List<RuleFileSource> changed = defaults().stream().map(file -> file.name().equals("kpi-targets.drl.csv")
                    ? RuleFileSource.ofText(file.name(), new String(file.content(), StandardCharsets.UTF_8)
                            .replace("\"NPS\",\"HIGHER_IS_BETTER\",\"10\",\"30\"", "\"NPS\",\"HIGHER_IS_BETTER\",\"15\",\"35\""))
                    : file).toList();

            assertThat(validator.validate(changed, active).warnings()).isEmpty();
        }

        @Test
        @DisplayName("a row taken out of the targets table is named, and its KPI is said to lose its target")
        void aRemovedRowIsNamed() {
            List<RuleFileSource> changed = defaults().stream().map(file -> file.name().equals("kpi-targets.drl.csv")
                    ? RuleFileSource.ofText(file.name(), new String(file.content(), StandardCharsets.UTF_8).lines()
                            .filter(line -> !line.contains("\"CSAT\",\"HIGHER_IS_BETTER\""))
                            .reduce("", (text, line) -> text + line + "\n"))
                    : file).toList();

            assertThat(validator.validate(changed, active).warnings()).extracting(RuleMessage::text).containsExactly(
                    "1 rule(s) of kpi-targets.drl.csv in the active set (v1 default) are not in the draft:"
                            + " \"Target for CSAT (% of answers at 4-5)\"",
                    "The draft sets no target for 1 KPI(s) that have one in the active set (v1 default), so they would"
                            + " not be graded: CSAT");
        }
    }

    private static List<RuleFileSource> defaults() {
        List<RuleFileSource> files = new ArrayList<>(DefaultRuleSet.files());
        files.addAll(DefaultRuleSet.scenarios());
        return files;
    }

    private List<RuleMessage> problems(List<RuleFileSource> files) {
        return validator.validate(files).messages();
    }

    private static InvalidRuleSetException compileFails(List<RuleFileSource> files) {
        return catchThrowableOfType(InvalidRuleSetException.class, () -> new RuleSetCompiler().compile(files));
    }

    private static List<RuleFileSource> drl(String rules) {
        return List.of(RuleFileSource.ofText("mine.drl", HEADER + rules));
    }
}
