package org.rapport.engine.contact;

/** How a call into the contact centre ended. */
public enum CallOutcome {
    SELF_SERVED, ABANDONED_IN_IVR, ABANDONED_IN_QUEUE, ANSWERED
}
