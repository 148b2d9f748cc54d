package org.rapport.rules.engine;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that did not compile; it must never replace the active one. */
public class InvalidRuleSetException extends Exception {

    private final transient List<RuleMessage> messages;

    public InvalidRuleSetException(List<RuleMessage> messages) {
        super("Rule set does not compile:\n" + messages.stream().map(RuleMessage::toString)
                .collect(Collectors.joining("\n")));
        this.messages = List.copyOf(messages);
    }

    public List<RuleMessage> messages() {
        return messages;
    }
}
