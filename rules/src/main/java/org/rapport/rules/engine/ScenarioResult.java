package org.rapport.rules.engine;

import java.util.List;

/**
 * The outcome of one scenario of a rule set: passed when nothing failed.
 *
 * @param file     the scenario file
 * @param scenario the scenario's name; "(file)" when the file itself could not be read
 * @param failures what the rules did not do as expected, each at the scenario's line
 */
public record ScenarioResult(String file, String scenario, List<RuleMessage> failures) {

    public ScenarioResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
