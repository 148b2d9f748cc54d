package org.rapport.engine.requests;

/**
 * One request theme of a run as the API shows it: "customers keep asking for …".
 *
 * @param code      stable code, e.g. PAPERLESS_BILLING
 * @param label     e.g. "paperless billing"
 * @param pillar    who can act on it
 * @param mentions  comments and cases of the month that mentioned it
 * @param recursAt  mentions from which it is a recurring request
 * @param recurring whether it reached that
 */
public record RequestThemeLine(String code, String label, String pillar, int mentions, int recursAt,
        boolean recurring) {

    static RequestThemeLine of(RunRequestTheme theme) {
        return new RequestThemeLine(theme.getCode(), theme.getLabel(), theme.getPillar(), theme.getMentions(),
                theme.getRecursAt(), theme.isRecurring());
    }
}
