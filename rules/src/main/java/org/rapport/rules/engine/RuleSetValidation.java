package org.rapport.rules.engine;

import java.util.List;
import java.util.Optional;

/**
 * What validating a draft rule set found: the problems (compile errors with their place, sandbox
 * violations, KPI codes and breakdowns that do not exist, failed scenarios), the warnings (what the
 * draft drops of the rule set it would replace) and every scenario's result. Valid when there is no
 * problem; warnings never make a draft invalid.
 */
public record RuleSetValidation(List<RuleMessage> messages, List<RuleMessage> warnings, List<ScenarioResult> scenarios,
        CompiledRuleSet compiled) {

    public RuleSetValidation {
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
        scenarios = List.copyOf(scenarios);
    }

    /** A validation with no warnings. */
    public RuleSetValidation(List<RuleMessage> messages, List<ScenarioResult> scenarios, CompiledRuleSet compiled) {
        this(messages, List.of(), scenarios, compiled);
    }

    /** True when the draft compiled, passed the sandbox and every scenario: it may become active. */
    public boolean valid() {
        return messages.isEmpty();
    }

    /** The compiled rule set, when it compiled; present even if a scenario failed, for a dry run. */
    public Optional<CompiledRuleSet> ruleSet() {
        return Optional.ofNullable(compiled);
    }
}
