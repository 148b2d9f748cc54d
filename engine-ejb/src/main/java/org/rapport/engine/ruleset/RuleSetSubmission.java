package org.rapport.engine.ruleset;

import java.util.List;

import org.rapport.rules.engine.RuleMessage;

/**
 * What became of rule files handed in outside the API (the watched rules inbox): the draft they made
 * on top of the active rule set, and whether it passed the same checks as the REST lifecycle.
 *
 * @param draftId   the new version's id
 * @param version   e.g. "v7 inbox: kpi-targets.drl.csv (3f2a9c1b)"
 * @param files     the names of the files handed in
 * @param problems  compile errors, sandbox breaches and failing scenarios, each with file, line and
 *                  column; empty when the draft is valid
 * @param activated whether it was made the live rule set (only when valid and asked for)
 */
public record RuleSetSubmission(long draftId, String version, List<String> files, List<RuleMessage> problems,
        boolean activated) {

    public RuleSetSubmission {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}
