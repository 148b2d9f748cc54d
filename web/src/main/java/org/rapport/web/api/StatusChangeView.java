package org.rapport.web.api;

import org.rapport.engine.action.ActionStatusChange;

/** One entry of an action point's status history: who moved it from what to what, when and why. */
public record StatusChangeView(String from, String to, String note, String changedBy, String changedAt) {

    static StatusChangeView of(ActionStatusChange change) {
        return new StatusChangeView(change.getFrom().name(), change.getTo().name(), change.getNote(),
                change.getChangedBy(), change.getChangedAt().toString());
    }
}
