package org.rapport.engine.ruleset;

import java.util.List;

import org.rapport.rules.engine.RuleMessage;
import org.rapport.rules.engine.ScenarioResult;

/**
 * What validating a version found.
 *
 * @param problems  compile errors, sandbox breaches, unknown KPI codes or breakdowns and failing scenarios, each at
 *                  its file and place; any one keeps the version from becoming active
 * @param warnings  what the version drops of the active set (files, rules, grading, trigger rules); never blocking
 * @param scenarios every scenario kept with the version, passed or failed
 */
public record DraftValidation(List<RuleMessage> problems, List<RuleMessage> warnings, List<ScenarioResult> scenarios) {

    public DraftValidation {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        scenarios = List.copyOf(scenarios);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
