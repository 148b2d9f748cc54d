package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a draft rule set end to end before it may become active: it must compile (readable files,
 * no syntax or type errors, sandbox, unique rule names), name only KPI codes and breakdowns that exist
 * ({@link KpiVocabulary}, in rules and scenarios alike), survive an evaluation of no facts at all (a rule
 * with no conditions that divides by zero or loops), and pass every scenario kept with it, whose
 * runtime failures (a division by zero, a loop, an evaluation over its {@link RuleBudget}) fail the
 * scenario naming the rule. Given the rule set it would replace, it also warns of what the draft drops
 * ({@link DroppedRules}). Every evaluation runs inside the compiler's budget. Thread-safe.
 */
public final class RuleSetValidator {

    private final RuleSetCompiler compiler;
    private final KpiVocabulary vocabulary;
    private final ScenarioRunner scenarios = new ScenarioRunner();

    public RuleSetValidator() {
        this(new RuleSetCompiler());
    }

    /** A validator that checks the spelling of breakdowns but knows no KPI codes. */
    public RuleSetValidator(RuleSetCompiler compiler) {
        this(compiler, KpiVocabulary.breakdownsOnly());
    }

    public RuleSetValidator(RuleSetCompiler compiler, KpiVocabulary vocabulary) {
        this.compiler = compiler;
        this.vocabulary = vocabulary;
    }

    /** Validates rule files and scenario files together, as a rule-set version stores them. */
    public RuleSetValidation validate(List<RuleFileSource> files) {
        return validate(files, null);
    }

    /**
     * As {@link #validate(List)}, and warns of what the draft drops of {@code base} (the rule set it would replace;
     * none when null).
     */
    public RuleSetValidation validate(List<RuleFileSource> files, RuleSetBaseline base) {
        List<RuleMessage> references = references(files);
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(files);
        } catch (InvalidRuleSetException invalid) {
            List<RuleMessage> messages = new ArrayList<>(invalid.messages());
            references.stream().filter(reference -> !messages.contains(reference)).forEach(messages::add);
            return new RuleSetValidation(messages, List.of(), null);
        }
        List<RuleMessage> messages = new ArrayList<>(references);
        try {
            compiled.evaluate(List.of());
            compiled.score(List.of());
        } catch (RuleEvaluationException failed) {
            messages.add(new RuleMessage(failed.file() == null ? "(rule set)" : failed.file(), 0, 0,
                    "Evaluating no facts at all: " + failed.getMessage()));
        }
        List<ScenarioResult> results = scenarios.run(compiled, files);
        results.forEach(result -> messages.addAll(result.failures()));
        return new RuleSetValidation(messages, warnings(files, compiled, base), results, compiled);
    }

    /** KPI codes and breakdowns named in rules and scenarios that do not exist. */
    private List<RuleMessage> references(List<RuleFileSource> files) {
        List<RuleMessage> messages = new ArrayList<>();
        KpiReferenceCheck rules = new KpiReferenceCheck(vocabulary);
        ScenarioReferenceCheck scenarioFiles = new ScenarioReferenceCheck(vocabulary);
        for (RuleFileSource file : files) {
            if (ParsedRuleFile.isScenarioFile(file.name())) {
                messages.addAll(scenarioFiles.check(file));
            } else if (ParsedRuleFile.isRuleFile(file.name())) {
                ParsedRuleFile parsed = ParsedRuleFile.read(file).parsed();
                if (parsed != null) {
                    messages.addAll(rules.check(parsed));
                }
            }
        }
        return messages;
    }

    private List<RuleMessage> warnings(List<RuleFileSource> files, CompiledRuleSet compiled, RuleSetBaseline base) {
        if (base == null) {
            return List.of();
        }
        CompiledRuleSet baseRules;
        try {
            baseRules = compiler.compile(base.files());
        } catch (InvalidRuleSetException invalid) {
            return List.of(); // nothing to compare with: a base that does not compile grades nothing either
        }
        return DroppedRules.warnings(base, baseRules, files, compiled, vocabulary);
    }
}
