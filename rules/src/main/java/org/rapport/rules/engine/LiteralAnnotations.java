package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds every annotation of a rule file ({@code @name} or {@code @name(...)} on a package, rule, declared
 * type, field or pattern) and refuses those whose values are not plain literals. Drools evaluates rule
 * metadata and declared-type annotations with MVEL while it compiles, so a value such as
 * {@code @note(Runtime.getRuntime().exec("..."))} would run before any other check could see it; this
 * check runs on the text, before Drools builds anything. {@code @watch} on a pattern names properties
 * and is allowed with names only; {@code @{...}} (MVEL templates) is refused. Comments and strings are
 * skipped. Stateless apart from the file it reads.
 */
final class LiteralAnnotations {

    /** A string, a number or a boolean, optionally as {@code key = value}. */
    private static final Pattern LITERAL = Pattern.compile(
            "\\s*(?:[A-Za-z_][\\w]*\\s*=\\s*)?(?:\"(?:[^\"\\\\]|\\\\[^u])*\"|-?\\d+(?:\\.\\d+)?[lLdDfF]?|true|false)\\s*");

    /** What {@code @watch} takes: property names, {@code !name} and {@code *}. */
    private static final Pattern WATCHED = Pattern.compile("[\\s\\w!*,]*");

    private final ParsedRuleFile file;
    private final String text;

    LiteralAnnotations(ParsedRuleFile file) {
        this.file = file;
        this.text = file.drl();
    }

    List<RuleMessage> check() {
        List<RuleMessage> messages = new ArrayList<>();
        int index = 0;
        while (index < text.length()) {
            char current = text.charAt(index);
            if (current == '/' && at(index + 1) == '/') {
                index = skipTo(index, "\n");
            } else if (current == '/' && at(index + 1) == '*') {
                index = skipTo(index + 2, "*/") + 1;
            } else if (current == '"' || current == '\'') {
                index = skipQuoted(index, current);
            } else if (current == '@') {
                index = annotation(index, messages);
            } else {
                index++;
            }
        }
        return messages;
    }

    /** Reads one annotation from its {@code @}; returns where reading goes on. */
    private int annotation(int start, List<RuleMessage> messages) {
        int nameEnd = start + 1;
        while (nameEnd < text.length() && (Character.isJavaIdentifierPart(text.charAt(nameEnd)) || text.charAt(nameEnd) == '.')) {
            nameEnd++;
        }
        String name = text.substring(start + 1, nameEnd);
        if (name.isEmpty()) {
            messages.add(refusal(start, null, "\"@" + at(start + 1) + "\" (an MVEL template or expression) is not allowed"));
            return start + 1;
        }
        int open = nameEnd;
        while (open < text.length() && Character.isWhitespace(text.charAt(open))) {
            open++;
        }
        if (at(open) != '(') {
            return nameEnd; // a marker annotation: no value
        }
        int close = closingParenthesis(open);
        String values = text.substring(open + 1, Math.max(open + 1, close));
        boolean plain = "watch".equals(name) ? WATCHED.matcher(values).matches() : literals(values);
        if (!plain) {
            messages.add(refusal(start, name, "the value of @" + name + " must be a plain literal (a string, a number, true or"
                    + " false), not an expression: Drools would evaluate it with MVEL while compiling"));
        }
        return Math.max(close, open) + 1;
    }

    private static boolean literals(String values) {
        if (values.isBlank()) {
            return true;
        }
        for (String value : splitTopLevel(values)) {
            if (!LITERAL.matcher(value).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The comma-separated parts of an annotation's values, commas inside strings kept. */
    private static List<String> splitTopLevel(String values) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean inString = false;
        for (int index = 0; index < values.length(); index++) {
            char current = values.charAt(index);
            if (current == '\\' && inString && index + 1 < values.length()) {
                part.append(current).append(values.charAt(++index));
                continue;
            }
            if (current == '"') {
                inString = !inString;
            }
            if (current == ',' && !inString) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(current);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** The matching closing parenthesis, strings skipped; the end of the text when there is none. */
    private int closingParenthesis(int open) {
        int depth = 0;
        int index = open;
        while (index < text.length()) {
            char current = text.charAt(index);
            if (current == '"' || current == '\'') {
                index = skipQuoted(index, current);
                continue;
            }
            if (current == '(') {
                depth++;
            } else if (current == ')' && --depth == 0) {
                return index;
            }
            index++;
        }
        return text.length();
    }

    private RuleMessage refusal(int offset, String token, String reason) {
        return file.messageInRuleRowAt(offset, token, "Sandbox: " + reason);
    }

    private char at(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private int skipTo(int from, String end) {
        int found = text.indexOf(end, from);
        return found < 0 ? text.length() : found + 1;
    }

    private int skipQuoted(int start, char quote) {
        int index = start + 1;
        while (index < text.length() && text.charAt(index) != quote) {
            index += text.charAt(index) == '\\' ? 2 : 1;
        }
        return index + 1;
    }
}
