package org.rapport.engine.action;

import java.util.Map;
import java.util.Set;

/**
 * Where the CCO's team is with an action point (a trigger a published run raised). Every action
 * starts OPEN; the team moves it on: OPEN → IN_PROGRESS → DONE, or DROPPED on the way. A DONE or
 * DROPPED action can be taken up again (IN_PROGRESS), because the data may show the fix did not hold;
 * nothing goes back to OPEN, which means "nobody has acted yet".
 */
public enum ActionStatus {
    OPEN, IN_PROGRESS, DONE, DROPPED;

    private static final Map<ActionStatus, Set<ActionStatus>> NEXT = Map.of(
            OPEN, Set.of(IN_PROGRESS, DONE, DROPPED),
            IN_PROGRESS, Set.of(DONE, DROPPED),
            DONE, Set.of(IN_PROGRESS),
            DROPPED, Set.of(IN_PROGRESS));

    /** Whether the team may move an action from this status to {@code next}. */
    public boolean mayBecome(ActionStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Dropping an action needs a reason: the board will ask why it was given up. */
    public boolean needsNote() {
        return this == DROPPED;
    }
}
