package org.rapport.rules.engine;

/**
 * A rule set that compiled but failed while it ran: a rule threw (a division by zero, a null it did
 * not expect) or kept firing past the limit. Names the rule, and its file where Drools knows it.
 */
public class RuleEvaluationException extends IllegalStateException {

    private final String ruleName;
    private final String file;

    public RuleEvaluationException(String message, String ruleName, String file, Throwable cause) {
        super(message, cause);
        this.ruleName = ruleName;
        this.file = file;
    }

    /** The rule that failed or looped; "(unknown)" when Drools could not tell. */
    public String ruleName() {
        return ruleName;
    }

    /** The rule file of that rule, e.g. {@code improvement-triggers.drl}; {@code null} when unknown. */
    public String file() {
        return file;
    }
}
