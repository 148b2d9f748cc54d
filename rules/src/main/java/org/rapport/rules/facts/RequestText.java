package org.rapport.rules.facts;

import java.util.Locale;
import java.util.Objects;

/**
 * The words of one survey comment or service case of the month, for counting recurring request
 * themes. It names no customer; rules count it and never quote it. Immutable.
 */
public final class RequestText {

    private final RequestSource source;
    private final String text;
    private final String words;

    public RequestText(RequestSource source, String text) {
        this.source = Objects.requireNonNull(source, "source");
        this.text = Objects.requireNonNull(text, "text");
        this.words = words(text);
    }

    public RequestSource getSource() {
        return source;
    }

    public String getText() {
        return text;
    }

    /** True when the text contains {@code phrase} as whole words, ignoring case and punctuation. */
    public boolean mentions(String phrase) {
        String wanted = words(phrase);
        return !wanted.isBlank() && words.contains(wanted);
    }

    /**
     * Lower-case letters and digits, every other run of characters one space, with a space at both
     * ends so that a phrase matches whole words only: "E-bill, please!" reads " e bill please ".
     */
    static String words(String text) {
        StringBuilder words = new StringBuilder(text.length() + 2).append(' ');
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (Character.isLetterOrDigit(character)) {
                words.append(Character.toLowerCase(character));
            } else if (words.charAt(words.length() - 1) != ' ') {
                words.append(' ');
            }
        }
        if (words.charAt(words.length() - 1) != ' ') {
            words.append(' ');
        }
        return words.toString().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return source + "[" + text.length() + " characters]";
    }
}
