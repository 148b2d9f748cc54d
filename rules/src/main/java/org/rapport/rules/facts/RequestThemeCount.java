package org.rapport.rules.facts;

import java.util.Objects;

/**
 * How many of the month's comments and cases mentioned a request theme. Rules insert one per theme
 * that was mentioned at all; the board pack shows them as "customers keep asking for ...".
 */
public record RequestThemeCount(RequestTheme theme, int mentions) {

    public RequestThemeCount {
        Objects.requireNonNull(theme, "theme");
    }

    public String code() {
        return theme.code();
    }

    public String label() {
        return theme.label();
    }

    public int recursAt() {
        return theme.recursAt();
    }

    public Pillar pillar() {
        return theme.pillar();
    }

    /** The code of the trigger a recurring theme raises, e.g. {@code RECURRING_REQUEST_PAPERLESS_BILLING}. */
    public String triggerCode() {
        return "RECURRING_REQUEST_" + theme.code();
    }
}
