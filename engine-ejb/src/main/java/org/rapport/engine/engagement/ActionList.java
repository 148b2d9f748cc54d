package org.rapport.engine.engagement;

import java.util.List;

/**
 * What the CRM should do after one run: per customer, by the CRM's own id, the action — nothing else
 * about them. It leaves Rapport only for the CRM; it is never part of a run snapshot or board pack.
 *
 * @param runId   the run whose rules raised the actions
 * @param month   the month it measured, "2026-10"
 * @param actions by customer id, then action
 */
public record ActionList(long runId, String month, List<Action> actions) {

    public ActionList {
        actions = List.copyOf(actions);
    }

    /**
     * @param customerId the CRM's id of the customer
     * @param action     ADVOCATE_INVITE, INDEX_FELL_SHARPLY or DETRACTOR_CALL_BACK
     */
    public record Action(String customerId, String action) {
    }
}
