package org.rapport.reports;

import java.util.Locale;

/**
 * The RAG status as a word. The pack prints the word, not only a colour, so the status survives
 * black-and-white printing and colour-blind readers.
 */
final class RagWord {

    /** Shown where the rules set no target, so no status applies. */
    static final String NOT_APPLICABLE = "n/a";

    private RagWord() {
    }

    /** GREEN, AMBER or RED as given; {@value #NOT_APPLICABLE} for NONE or a missing status. */
    static String of(String rag) {
        String code = code(rag);
        return code.isEmpty() || "NONE".equals(code) ? NOT_APPLICABLE : code;
    }

    /** The normalised status the template's conditional style keys its tint on. */
    static String code(String rag) {
        return rag == null ? "" : rag.strip().toUpperCase(Locale.ROOT);
    }
}
