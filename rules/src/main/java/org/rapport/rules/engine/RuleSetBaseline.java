package org.rapport.rules.engine;

import java.util.List;

/**
 * The rule set a draft would replace, to warn about what the draft drops.
 *
 * @param name  how warnings name it, e.g. "the active set (v3 default)"
 * @param files its rule and scenario files
 */
public record RuleSetBaseline(String name, List<RuleFileSource> files) {

    public RuleSetBaseline {
        files = List.copyOf(files);
    }
}
