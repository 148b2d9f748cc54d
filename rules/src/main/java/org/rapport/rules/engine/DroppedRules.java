package org.rapport.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.drools.drl.ast.descr.RuleDescr;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.Rag;

/**
 * Warnings for a draft that drops what the rule set it would replace does: files and rules that are no longer
 * there, KPIs the base grades and the draft leaves ungraded, and trigger rules gone altogether. A draft holding
 * only the table it changes compiles and passes its scenarios, yet grades nothing: this says so before it is
 * activated. Warnings never block: removing a rule can be the point of a draft. Thread-safe and stateless.
 */
final class DroppedRules {

    private DroppedRules() {
    }

    /** What {@code draft} drops of {@code base}, named as {@code baseName} (e.g. "the active set v3"). */
    static List<RuleMessage> warnings(RuleSetBaseline base, CompiledRuleSet baseRules, List<RuleFileSource> draft,
            CompiledRuleSet draftRules, KpiVocabulary vocabulary) {
        List<RuleMessage> warnings = new ArrayList<>();
        Map<String, List<String>> baseRuleNames = ruleNames(base.files());
        Map<String, List<String>> draftRuleNames = ruleNames(draft);
        Set<String> draftFiles = draft.stream().map(RuleFileSource::name).collect(Collectors.toSet());
        Set<String> draftNames = draftRuleNames.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        for (RuleFileSource file : base.files()) {
            List<String> rules = baseRuleNames.getOrDefault(file.name(), List.of());
            if (!draftFiles.contains(file.name())) {
                warnings.add(new RuleMessage(file.name(), 0, 0, file.name() + " of " + base.name() + " is not in the draft"
                        + (ParsedRuleFile.isScenarioFile(file.name()) ? ": its scenarios no longer test the rules"
                                : rules.isEmpty() ? "" : ": its " + rules.size() + " rule(s) are dropped")));
                continue;
            }
            List<String> gone = rules.stream().filter(rule -> !draftNames.contains(rule)).toList();
            if (!gone.isEmpty()) {
                warnings.add(new RuleMessage(file.name(), 0, 0, gone.size() + " rule(s) of " + file.name() + " in "
                        + base.name() + " are not in the draft: " + quoted(gone)));
            }
        }
        if (countTriggerRules(base.files()) > 0 && countTriggerRules(draft) == 0) {
            warnings.add(new RuleMessage("(rule set)", 0, 0, "The draft has no trigger rules at all: " + base.name()
                    + " has " + countTriggerRules(base.files()) + "; with this draft no run raises an action point"));
        }
        warnings.addAll(ungraded(base.name(), baseRules, draftRules, vocabulary));
        return warnings;
    }

    /** KPIs of the catalogue the base gives a target or a grade and the draft does not. */
    private static List<RuleMessage> ungraded(String baseName, CompiledRuleSet baseRules, CompiledRuleSet draftRules,
            KpiVocabulary vocabulary) {
        if (!vocabulary.knowsCodes()) {
            return List.of();
        }
        Map<String, Kpi> before;
        Map<String, Kpi> after;
        try {
            before = graded(baseRules, vocabulary.codes());
            after = graded(draftRules, vocabulary.codes());
        } catch (RuleEvaluationException failed) {
            return List.of(); // the validation reports the failure itself
        }
        List<String> noTarget = new ArrayList<>();
        List<String> noGrade = new ArrayList<>();
        before.forEach((code, kpi) -> {
            Kpi draft = after.get(code);
            if (kpi.getTarget() != null && draft.getTarget() == null) {
                noTarget.add(code);
            } else if (kpi.getRag() != Rag.NONE && draft.getRag() == Rag.NONE) {
                noGrade.add(code);
            }
        });
        List<RuleMessage> warnings = new ArrayList<>();
        if (!noTarget.isEmpty()) {
            warnings.add(new RuleMessage("(rule set)", 0, 0, "The draft sets no target for " + noTarget.size()
                    + " KPI(s) that have one in " + baseName + ", so they would not be graded: " + String.join(", ", noTarget)));
        }
        if (!noGrade.isEmpty()) {
            warnings.add(new RuleMessage("(rule set)", 0, 0, "The draft grades no RAG for " + noGrade.size()
                    + " KPI(s) that " + baseName + " grades (no grading rules?): " + String.join(", ", noGrade)));
        }
        return warnings;
    }

    /** Each code measured once, company-wide, as the rules grade it. */
    private static Map<String, Kpi> graded(CompiledRuleSet rules, List<String> codes) {
        List<Kpi> kpis = codes.stream().map(code -> Kpi.overall(code, BigDecimal.ONE)).toList();
        Map<String, Kpi> byCode = new LinkedHashMap<>();
        rules.evaluate(kpis).kpis().forEach(kpi -> byCode.putIfAbsent(kpi.getCode(), kpi));
        return byCode;
    }

    private static Map<String, List<String>> ruleNames(List<RuleFileSource> files) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (RuleFileSource file : files) {
            if (ParsedRuleFile.isRuleFile(file.name())) {
                ParsedRuleFile parsed = ParsedRuleFile.read(file).parsed();
                names.put(file.name(), parsed == null ? List.of()
                        : parsed.descr().getRules().stream().map(RuleDescr::getName).toList());
            }
        }
        return names;
    }

    /** Rules whose consequence makes an improvement trigger: the ones that raise action points. */
    private static long countTriggerRules(List<RuleFileSource> files) {
        long count = 0;
        for (RuleFileSource file : files) {
            if (!ParsedRuleFile.isRuleFile(file.name())) {
                continue;
            }
            ParsedRuleFile parsed = ParsedRuleFile.read(file).parsed();
            if (parsed != null) {
                count += parsed.descr().getRules().stream()
                        .filter(rule -> String.valueOf(rule.getConsequence()).contains("ImprovementTrigger")).count();
            }
        }
        return count;
    }

    private static String quoted(List<String> names) {
        List<String> shown = names.stream().limit(10).map(name -> "\"" + name + "\"").toList();
        return String.join(", ", shown) + (names.size() > shown.size() ? " and " + (names.size() - shown.size()) + " more" : "");
    }
}
