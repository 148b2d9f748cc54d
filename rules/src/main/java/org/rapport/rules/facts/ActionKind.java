package org.rapport.rules.facts;

/** What the CRM is asked to do about one customer. */
public enum ActionKind {
    /** An advocate who agreed to be contacted: invite them to tell others. */
    ADVOCATE_INVITE,
    /** The engagement index fell sharply since last month: the account team should look. */
    INDEX_FELL_SHARPLY,
    /** A detractor who has not been called back yet. */
    DETRACTOR_CALL_BACK
}
