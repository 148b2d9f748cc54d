package org.rapport.integration.rulesinbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.integration.support.RecordedLog;
import org.rapport.rules.engine.DefaultRuleSet;

/**
 * The rules inbox: the production route on a real folder, drafting through the engine's real rule
 * lifecycle on a real (H2) database — compile, sandbox and scenarios — as the REST lifecycle does.
 */
class RulesInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final String TYPO = """
            package org.rapport.rules
            rule "A rule with a typo"
            when
                $kpi : Kpi( code == "NPS" &&& )
            then
            end
            """;

    @TempDir
    Path dataDir;

    private LifecycleOnH2 rules;
    private RulesInbox inbox;

    @AfterEach
    void stop() {
        if (inbox != null) {
            inbox.close();
        }
        if (rules != null) {
            rules.close();
        }
    }

    @Test
    void aValidFileBecomesAValidatedDraftAndTheLiveRulesStayAsTheyAre() throws Exception {
        long live = start("valid", false);

        drop("kpi-targets.drl.csv", lowerCostToServeTarget());

        String result = awaitResult("kpi-targets.drl.csv");
        long draft = draftId(result);
        assertThat(result).contains("handed in: kpi-targets.drl.csv")
                .contains("draft: v" + draft + " inbox: kpi-targets.drl.csv")
                .contains("valid: yes")
                .contains("activated: no - activate it with POST /rapport/api/rulesets/" + draft + "/activate");
        assertThat(rules.status(draft)).isEqualTo(RuleSetStatus.VALIDATED);
        assertThat(rules.active()).isEqualTo(live);
        assertThat(rules.activations()).isEmpty();
        awaitUntil("the file to move to .done", () -> filesIn(inbox().resolve(".done")).size() == 1);
        assertThat(filesIn(inbox().resolve(".done"))).singleElement().asString().endsWith("-kpi-targets.drl.csv");
    }

    @Test
    void aBrokenFileNeverBecomesActiveEvenWithActivationWhenValidOnAndItsProblemsAreWrittenNotLogged()
            throws Exception {
        long live = start("broken", true);
        List<String> logged;
        try (RecordedLog log = new RecordedLog("org.rapport.integration.rulesinbox")) {
            drop("typo.drl", TYPO);

            String result = awaitResult("typo.drl");
            long draft = draftId(result);
            assertThat(result).contains("valid: no - ").contains("the active rule set is unchanged")
                    .containsPattern("(?m)^typo\\.drl:4:\\d+: .+")
                    .contains("activated: no");
            assertThat(rules.status(draft)).isEqualTo(RuleSetStatus.DRAFT);
            logged = log.messages();
        }
        assertThat(rules.active()).isEqualTo(live);
        assertThat(rules.activations()).isEmpty();
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("[typo.drl]").contains("problem(s)")
                .contains("not activated"));
        assertThat(logged).as("no rule content in the log").noneMatch(line -> line.contains("&&&"));
    }

    @Test
    void aDecisionTableWhoseMetadataCellWouldRunACommandIsRefusedWithActivationWhenValidOnAndNothingRuns()
            throws Exception {
        long live = start("escape", true);
        Path marker = dataDir.resolve("marker");

        drop("escape.drl.csv", String.join("\n",
                "\"RuleSet\",\"org.rapport.rules\"",
                "\"Import\",\"org.rapport.rules.facts.Kpi\"",
                "",
                "\"RuleTable Escape\"",
                "\"CONDITION\",\"METADATA\"",
                "\"$kpi : Kpi\",\"\"",
                "\"code == \"\"$param\"\"\",\"note( $param )\"",
                "\"KPI code\",\"Note\"",
                "\"NPS\",\"Runtime.getRuntime().exec( 'touch " + marker + "' )\"",
                ""));

        String result = awaitResult("escape.drl.csv");
        long draft = draftId(result);
        assertThat(result).contains("valid: no - ").contains("the active rule set is unchanged")
                .containsPattern("(?m)^escape\\.drl\\.csv:9:\\d+: Sandbox: the value of @note must be a plain literal.+")
                .contains("activated: no");
        assertThat(marker).doesNotExist();
        assertThat(rules.status(draft)).isEqualTo(RuleSetStatus.DRAFT);
        assertThat(rules.active()).isEqualTo(live);
        assertThat(rules.activations()).isEmpty();
    }

    @Test
    void withActivationWhenValidOnAValidFileGoesLiveAndTheActivationIsAudited() throws Exception {
        long live = start("activate", true);

        drop("kpi-targets.drl.csv", lowerCostToServeTarget());

        String result = awaitResult("kpi-targets.drl.csv");
        long draft = draftId(result);
        assertThat(result).contains("valid: yes").contains("activated: yes");
        assertThat(rules.active()).isEqualTo(draft).isNotEqualTo(live);
        assertThat(rules.status(live)).isEqualTo(RuleSetStatus.RETIRED);
        assertThat(rules.activations()).singleElement().satisfies(activation -> {
            assertThat(activation.getActivatedBy()).isEqualTo("rules-inbox");
            assertThat(activation.getComment()).contains("kpi-targets.drl.csv");
        });
    }

    @Test
    void aRuleAndTheScenarioThatTestsItDroppedTogetherMakeOneDraft() throws Exception {
        Files.createDirectories(inbox());
        // both in the folder before the first look: one poll picks them up together
        drop("cost-to-serve-trigger.drl", """
                package org.rapport.rules

                import org.rapport.rules.facts.ImprovementTrigger;
                import org.rapport.rules.facts.Kpi;
                import org.rapport.rules.facts.Pillar;
                import org.rapport.rules.facts.Rag;
                import org.rapport.rules.facts.Severity;

                rule "Cost to serve in the red is a process trigger"
                    salience -20
                when
                    Kpi( code == "COST_TO_SERVE", dimension == Kpi.OVERALL, rag == Rag.RED )
                    not ImprovementTrigger( code == "COST_TO_SERVE_HIGH" )
                then
                    insert( new ImprovementTrigger( "COST_TO_SERVE_HIGH", "Serving customers costs too much",
                            Pillar.PROCESS, Severity.HIGH, "Cost to serve beyond its amber limit" ) );
                end
                """);
        drop("cost-to-serve.scenario.json", """
                [ { "scenario": "Cost to serve in the red raises the cost trigger",
                    "given": { "kpis": [ { "code": "COST_TO_SERVE", "value": 9 } ] },
                    "expect": { "rag": { "COST_TO_SERVE": "RED" },
                                "triggers": [ { "code": "COST_TO_SERVE_HIGH", "pillar": "PROCESS",
                                                "severity": "HIGH",
                                                "evidence": "Cost to serve beyond its amber limit" } ] } } ]
                """);
        start("together", false);

        String rule = awaitResult("cost-to-serve-trigger.drl");
        String scenario = awaitResult("cost-to-serve.scenario.json");

        assertThat(rule).isEqualTo(scenario)
                .contains("handed in: cost-to-serve-trigger.drl, cost-to-serve.scenario.json")
                .contains("valid: yes");
        assertThat(rules.status(draftId(rule))).isEqualTo(RuleSetStatus.VALIDATED);
    }

    private long start(String database, boolean activateWhenValid) throws Exception {
        rules = new LifecycleOnH2("rules-inbox-" + database);
        long live = rules.active();
        inbox = RulesInbox.start(new RulesInboxSettings(inbox(), Duration.ofMillis(100), Duration.ofMillis(200),
                activateWhenValid, 0, Duration.ofMillis(10)), rules);
        return live;
    }

    private Path inbox() {
        return dataDir.resolve("rules-inbox");
    }

    private void drop(String name, String content) throws IOException {
        Files.createDirectories(inbox());
        // written under another name and renamed, as a careful copy does, so the route sees it whole
        Path partial = inbox().resolve(name + ".part");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        Files.move(partial, inbox().resolve(name));
    }

    private String awaitResult(String file) throws IOException {
        Path result = inbox().resolve(file + ".result.txt");
        awaitUntil("the result of " + file, () -> Files.exists(result));
        return Files.readString(result);
    }

    private static long draftId(String result) {
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\\(id (\\d+)\\)").matcher(result);
        assertThat(id.find()).as("a draft id in:%n%s", result).isTrue();
        return Long.parseLong(id.group(1));
    }

    /** Waits for a condition the route brings about, looking every 20 ms until {@link #WAIT} has passed. */
    private static void awaitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Still waiting after " + WAIT + " for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static List<String> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The default targets table with cost to serve green up to £3 and amber up to £5 (no scenario checks it). */
    private static String lowerCostToServeTarget() {
        String targets = DefaultRuleSet.files().stream().filter(file -> file.name().equals("kpi-targets.drl.csv"))
                .map(file -> new String(file.content(), StandardCharsets.UTF_8)).findFirst().orElseThrow();
        String lower = targets.replace("\"COST_TO_SERVE\",\"LOWER_IS_BETTER\",\"6\",\"4\"",
                "\"COST_TO_SERVE\",\"LOWER_IS_BETTER\",\"5\",\"3\"");
        assertThat(lower).isNotEqualTo(targets);
        return lower;
    }
}
