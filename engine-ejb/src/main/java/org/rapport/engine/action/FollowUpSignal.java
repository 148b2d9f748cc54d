package org.rapport.engine.action;

/**
 * What the next month's data says about an action point, beside the team's status and never instead
 * of it: whether the rule that raised it fired again.
 */
public enum FollowUpSignal {
    /** The next month's run raised the same trigger again. */
    STILL_FIRING,
    /** The next month's run did not raise it. */
    NO_LONGER_FIRING
}
