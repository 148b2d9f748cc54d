package org.rapport.engine.ruleset;

import java.util.List;

import jakarta.ejb.Local;

import org.rapport.rules.engine.RuleFileSource;

/**
 * Rule files handed in outside the API, by the integration layer's watched folder. Each call is one
 * transaction.
 */
@Local
public interface RuleInbox {

    /** Who drafts and activates, as the versions and the activation audit record it. */
    String AUTHOR = "rules-inbox";

    /**
     * Makes a draft of the active rule set with {@code files} added, or replacing the files of the same
     * name, and validates it as the REST lifecycle does (compile, sandbox, scenarios). Activates it only
     * when it is valid and {@code activateWhenValid}; an invalid draft never replaces the active set.
     */
    RuleSetSubmission submit(List<RuleFileSource> files, boolean activateWhenValid);
}
