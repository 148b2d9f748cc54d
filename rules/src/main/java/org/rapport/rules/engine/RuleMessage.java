package org.rapport.rules.engine;

/**
 * A problem found in a rule file, with the place it was found so the author can go straight there.
 * Line and column are 1-based; 0 when the compiler could not tell.
 */
public record RuleMessage(String file, int line, int column, String text) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + text;
    }
}
