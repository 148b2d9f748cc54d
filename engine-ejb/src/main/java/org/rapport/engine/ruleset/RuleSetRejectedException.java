package org.rapport.engine.ruleset;

import java.util.List;

import jakarta.ejb.ApplicationException;

import org.rapport.rules.engine.RuleMessage;

/** A lifecycle step refused: the draft does not compile, or is not in a state that allows it. */
@ApplicationException(rollback = true)
public class RuleSetRejectedException extends Exception {

    private final transient List<RuleMessage> messages;

    public RuleSetRejectedException(String reason, List<RuleMessage> messages) {
        super(reason);
        this.messages = List.copyOf(messages);
    }

    public List<RuleMessage> messages() {
        return messages;
    }
}
