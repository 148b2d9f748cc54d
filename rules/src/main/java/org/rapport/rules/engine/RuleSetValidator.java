package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Validates a draft rule set end to end before it may become active: it must compile (readable files,
 * no syntax or type errors, sandbox, unique rule names), survive an evaluation of no facts at all (a rule
 * with no conditions that divides by zero or loops), and pass every scenario kept with it, whose
 * runtime failures (a division by zero, a loop, an evaluation over its {@link RuleBudget}) fail the
 * scenario naming the rule. Every evaluation runs inside the compiler's budget. Thread-safe.
 */
public final class RuleSetValidator {

    private final RuleSetCompiler compiler;
    private final ScenarioRunner scenarios = new ScenarioRunner();

    public RuleSetValidator() {
        this(new RuleSetCompiler());
    }

    public RuleSetValidator(RuleSetCompiler compiler) {
        this.compiler = compiler;
    }

    /** Validates rule files and scenario files together, as a rule-set version stores them. */
    public RuleSetValidation validate(List<RuleFileSource> files) {
        CompiledRuleSet compiled;
        try {
            compiled = compiler.compile(files);
        } catch (InvalidRuleSetException invalid) {
            return new RuleSetValidation(invalid.messages(), List.of(), null);
        }
        List<RuleMessage> messages = new ArrayList<>();
        try {
            compiled.evaluate(List.of());
            compiled.score(List.of());
        } catch (RuleEvaluationException failed) {
            messages.add(new RuleMessage(failed.file() == null ? "(rule set)" : failed.file(), 0, 0,
                    "Evaluating no facts at all: " + failed.getMessage()));
        }
        List<ScenarioResult> results = scenarios.run(compiled, files);
        results.forEach(result -> messages.addAll(result.failures()));
        return new RuleSetValidation(messages, results, compiled);
    }
}
