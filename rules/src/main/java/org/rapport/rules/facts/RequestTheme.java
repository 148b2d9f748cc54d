package org.rapport.rules.facts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something customers keep asking for, as the request-themes decision table defines it: a label,
 * the keywords that mention it, the side of the engagement triangle that can act on it, and how
 * many mentions in a month make it recurring. Immutable.
 *
 * @param label     what customers ask for, e.g. "paperless billing"
 * @param keywords  words or phrases, any of which mentions the theme, e.g. "paperless", "e-bill"
 * @param pillar    who can act on it
 * @param recursAt  mentions in a month from which the theme is a recurring request
 */
public record RequestTheme(String label, List<String> keywords, Pillar pillar, int recursAt) {

    public RequestTheme {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(pillar, "pillar");
        keywords = keywords.stream().map(String::strip).filter(keyword -> !keyword.isEmpty()).toList();
        if (label.isBlank() || keywords.isEmpty()) {
            throw new IllegalArgumentException("A request theme needs a label and at least one keyword: \"" + label + "\"");
        }
        if (recursAt < 1) {
            throw new IllegalArgumentException("Theme \"" + label + "\" must recur at 1 mention or more, was " + recursAt);
        }
    }

    /** A theme with its keywords written as in the table: separated by commas. */
    public RequestTheme(String label, String keywords, Pillar pillar, int recursAt) {
        this(label, Arrays.asList(keywords.split(",")), pillar, recursAt);
    }

    /** The stable part of the trigger code, from the label: "paperless billing" is {@code PAPERLESS_BILLING}. */
    public String code() {
        return RequestText.words(label).strip().replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    /** True when the text mentions any of the keywords as whole words. */
    public boolean isMentionedIn(RequestText request) {
        for (String keyword : keywords) {
            if (request.mentions(keyword)) {
                return true;
            }
        }
        return false;
    }
}
