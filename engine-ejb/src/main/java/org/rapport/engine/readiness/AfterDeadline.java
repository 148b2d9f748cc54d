package org.rapport.engine.readiness;

import java.util.Locale;

/** What happens to a month still incomplete when its deadline has passed; the installation chooses. */
public enum AfterDeadline {
    /** Keep waiting: nothing is published until the data arrives or an operator forces the run. The default. */
    HOLD,
    /** Publish with an "incomplete data" notice on the cover and on every figure the missing sources feed. */
    PUBLISH_INCOMPLETE;

    static AfterDeadline parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rapport.readiness.after-deadline must be hold or publish-incomplete, not '"
                    + name + "'", e);
        }
    }
}
