package org.rapport.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rapport.rules.engine.ScenarioFile.ActionExpected;
import org.rapport.rules.engine.ScenarioFile.Expect;
import org.rapport.rules.engine.ScenarioFile.KpiGiven;
import org.rapport.rules.engine.ScenarioFile.RequestGiven;
import org.rapport.rules.engine.ScenarioFile.Scenario;
import org.rapport.rules.engine.ScenarioFile.ScoreExpected;
import org.rapport.rules.engine.ScenarioFile.TriggerExpected;
import org.rapport.rules.facts.CustomerAction;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * Runs the scenario files kept with a rule set ({@code *.scenario.json}, see {@link ScenarioFile} for
 * the format) against a compiled rule set: given KPIs, comment and case texts and customer profiles,
 * the expected RAG, triggers, themes, scores, stages and actions. Thread-safe and stateless.
 */
public final class ScenarioRunner {

    /** Runs every scenario of the scenario files among {@code files}; other files are skipped. */
    public List<ScenarioResult> run(CompiledRuleSet rules, List<RuleFileSource> files) {
        List<ScenarioResult> results = new ArrayList<>();
        for (RuleFileSource file : files) {
            if (!ParsedRuleFile.isScenarioFile(file.name())) {
                continue;
            }
            try {
                for (ScenarioFile.Located located : ScenarioFile.read(file)) {
                    results.add(run(rules, file.name(), located));
                }
            } catch (ScenarioFile.InvalidScenarioException invalid) {
                results.add(new ScenarioResult(file.name(), "(file)", List.of(invalid.ruleMessage())));
            }
        }
        return results;
    }

    private ScenarioResult run(CompiledRuleSet rules, String file, ScenarioFile.Located located) {
        Scenario scenario = located.scenario();
        List<String> failures = new ArrayList<>();
        try {
            Expect expect = scenario.expect();
            boolean kpiPart = !scenario.given().kpis().isEmpty() || !scenario.given().requests().isEmpty()
                    || !expect.rag().isEmpty() || expect.triggers() != null || !expect.themes().isEmpty();
            if (kpiPart) {
                Evaluation evaluation = rules.evaluate(
                        scenario.given().kpis().stream().map(KpiGiven::toKpi).toList(),
                        scenario.given().requests().stream().map(RequestGiven::toRequestText).toList());
                checkRag(expect, evaluation.kpis(), failures);
                checkTriggers(expect, evaluation.triggers(), failures);
                checkThemes(expect, evaluation.themes(), failures);
            }
            if (!scenario.given().customers().isEmpty() || expect.expectsCustomers()) {
                List<CustomerProfile> customers = scenario.given().customers();
                if (customers.stream().anyMatch(customer -> customer.getCustomerRef() == null)) {
                    failures.add("every given customer needs a customerRef");
                } else {
                    CustomerEvaluation evaluation = rules.score(customers);
                    checkScores(expect, evaluation.scores(), failures);
                    checkActions(expect, evaluation.actions(), failures);
                }
            }
        } catch (RuleEvaluationException failed) {
            failures.add(failed.getMessage());
        }
        String prefix = "Scenario \"" + scenario.name() + "\": ";
        return new ScenarioResult(file, scenario.name(), failures.stream()
                .map(failure -> new RuleMessage(file, located.line(), 0, prefix + failure))
                .toList());
    }

    private static void checkRag(Expect expect, List<Kpi> kpis, List<String> failures) {
        expect.rag().forEach((key, rag) -> {
            int at = key.indexOf('@');
            String code = at < 0 ? key : key.substring(0, at);
            String dimension = at < 0 ? Kpi.OVERALL : key.substring(at + 1);
            List<Kpi> matching = kpis.stream()
                    .filter(kpi -> kpi.getCode().equals(code) && kpi.getDimension().equals(dimension))
                    .toList();
            if (matching.isEmpty()) {
                failures.add("expected " + key + " to be " + rag + ", but no such KPI is given");
            }
            matching.stream().filter(kpi -> kpi.getRag() != rag).forEach(kpi -> failures.add(
                    "expected " + key + " to be " + rag + ", was " + kpi.getRag() + " (value " + kpi.getValue()
                            + ", target " + kpi.getTarget() + ", amber limit " + kpi.getAmberLimit() + ")"));
        });
    }

    private static void checkTriggers(Expect expect, List<ImprovementTrigger> triggers, List<String> failures) {
        if (expect.triggers() == null) {
            return;
        }
        Map<String, ImprovementTrigger> raised = triggers.stream()
                .collect(Collectors.toMap(ImprovementTrigger::code, Function.identity(), (first, second) -> first));
        Set<String> expectedCodes = new HashSet<>();
        for (TriggerExpected expected : expect.triggers()) {
            expectedCodes.add(expected.code());
            ImprovementTrigger trigger = raised.get(expected.code());
            if (trigger == null) {
                failures.add("expected trigger " + expected.code() + ", not raised");
                continue;
            }
            mismatch(failures, expected.code(), "pillar", expected.pillar(), trigger.pillar());
            mismatch(failures, expected.code(), "severity", expected.severity(), trigger.severity());
            mismatch(failures, expected.code(), "evidence", expected.evidence(), trigger.evidence());
            if (expected.evidenceContains() != null && !trigger.evidence().contains(expected.evidenceContains())) {
                failures.add("expected the evidence of " + expected.code() + " to contain \"" + expected.evidenceContains()
                        + "\", was \"" + trigger.evidence() + "\"");
            }
        }
        triggers.stream().filter(trigger -> !expectedCodes.contains(trigger.code())).forEach(trigger -> failures.add(
                "trigger " + trigger.code() + " raised but not expected (" + trigger.severity() + ": " + trigger.evidence() + ")"));
    }

    private static void checkThemes(Expect expect, List<RequestThemeCount> themes, List<String> failures) {
        Map<String, Integer> counted = new HashMap<>();
        themes.forEach(theme -> counted.put(theme.label(), theme.mentions()));
        expect.themes().forEach((label, mentions) -> {
            int actual = counted.getOrDefault(label, 0);
            if (actual != mentions) {
                failures.add("expected theme \"" + label + "\" to be mentioned " + mentions + " times, was " + actual);
            }
        });
    }

    private static void checkScores(Expect expect, List<EngagementScore> scores, List<String> failures) {
        Map<String, EngagementScore> byCustomer = scores.stream()
                .collect(Collectors.toMap(EngagementScore::getCustomerRef, Function.identity(), (first, second) -> first));
        expect.scores().forEach((customer, expected) -> {
            EngagementScore score = byCustomer.get(customer);
            if (score == null) {
                failures.add("expected customer " + customer + " to be scored, but they were not");
                return;
            }
            String what = "customer " + customer;
            mismatch(failures, what, "cognitive", expected.cognitive(), score.getCognitive());
            mismatch(failures, what, "emotional", expected.emotional(), score.getEmotional());
            mismatch(failures, what, "behavioural", expected.behavioural(), score.getBehavioural());
            mismatch(failures, what, "index", expected.index(), score.getIndex());
            mismatch(failures, what, "qualifiedStage", expected.qualifiedStage(), score.getQualifiedStage());
            mismatch(failures, what, "stage", expected.stage(), score.getStage());
        });
        expect.notScored().stream().filter(byCustomer::containsKey).forEach(customer ->
                failures.add("expected customer " + customer + " not to be scored, but they were: " + byCustomer.get(customer)));
    }

    private static void checkActions(Expect expect, List<CustomerAction> actions, List<String> failures) {
        if (expect.actions() == null) {
            return;
        }
        List<CustomerAction> unexpected = new ArrayList<>(actions);
        for (ActionExpected expected : expect.actions()) {
            CustomerAction match = unexpected.stream()
                    .filter(action -> action.customerRef().equals(expected.customerRef()) && action.kind() == expected.kind())
                    .findFirst().orElse(null);
            if (match == null) {
                failures.add("expected action " + expected.kind() + " for customer " + expected.customerRef() + ", not raised");
                continue;
            }
            unexpected.remove(match);
            mismatch(failures, expected.kind() + " for customer " + expected.customerRef(), "reason", expected.reason(), match.reason());
        }
        unexpected.forEach(action -> failures.add("action " + action.kind() + " for customer " + action.customerRef()
                + " raised but not expected (" + action.reason() + ")"));
    }

    /** Compares a field the scenario states; a field it leaves out is not checked. */
    private static void mismatch(List<String> failures, String what, String field, Object expected, Object actual) {
        if (expected == null) {
            return;
        }
        boolean same = expected instanceof BigDecimal decimal && actual instanceof BigDecimal other
                ? decimal.compareTo(other) == 0
                : Objects.equals(expected, actual);
        if (!same) {
            failures.add("expected the " + field + " of " + what + " to be " + expected + ", was " + actual);
        }
    }
}
