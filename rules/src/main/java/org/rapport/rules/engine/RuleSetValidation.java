package org.rapport.rules.engine;

import java.util.List;
import java.util.Optional;

/**
 * What validating a draft rule set found: the problems (compile errors with their place, sandbox
 * violations, failed scenarios) and every scenario's result. Valid when there is no problem.
 */
public record RuleSetValidation(List<RuleMessage> messages, List<ScenarioResult> scenarios, CompiledRuleSet compiled) {

    public RuleSetValidation {
        messages = List.copyOf(messages);
        scenarios = List.copyOf(scenarios);
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
